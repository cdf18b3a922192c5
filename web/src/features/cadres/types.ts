/** Shapes of the cadre and coverage answers: the contracts' own types (type-only, zod stays out of the bundle). */
export type {
  CadreCandidate,
  CadreStatus,
  CadreVisit,
  CoverageReport,
  CoverageRow,
  MeetingCadre,
  MeetingCadreList,
} from '../../../../contracts/cadres';
