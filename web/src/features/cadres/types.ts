/** Shapes of the cadre and coverage answers (mirror contracts/cadres.ts). */
export type CadreStatus = 'assigned' | 'attended' | 'absent';

export interface MeetingCadre {
  id: number;
  meetingId: number;
  userId: string;
  cadreName: string;
  fromUnitId: number | null;
  fromUnitName: string | null;
  status: CadreStatus;
  note: string | null;
  assignedByName: string | null;
  recordedAt: string | null;
  abilities: { record: boolean; remove: boolean };
}

export interface MeetingCadreList {
  items: MeetingCadre[];
  abilities: { assignSelf: boolean; assign: boolean };
}

export interface CadreCandidate {
  userId: string;
  name: string;
  username: string | null;
  fromUnitId: number | null;
  fromUnitName: string | null;
  assigned: boolean;
}

export interface CadreVisit {
  id: number;
  meetingId: number;
  unitId: number;
  unitName: string;
  scheduledAt: string;
  place: string | null;
  meetingStatus: 'planned' | 'held' | 'locked';
  status: CadreStatus;
  upcoming: boolean;
}

export interface CoverageRow {
  unitId: number;
  unitName: string;
  parentName: string | null;
  organizationCode: string;
  difficultArea: boolean;
  lastVisitAt: string | null;
  visits: number;
  covered: boolean;
}

interface Counts {
  total: number;
  covered: number;
  notCovered: number;
}

export interface CoverageReport {
  window: { months: number; from: string; to: string };
  summary: Counts & { difficult: Counts };
  rows: CoverageRow[];
}
