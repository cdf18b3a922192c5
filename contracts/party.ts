/** Party development (DOMAIN.md §6): members introduced to the Party and the later stages. */
import { z } from 'zod';
import { IsoDate } from './organizations';

/** The stages in order; a person's stages never go backwards. */
export const PARTY_STAGES = ['identified', 'course', 'introduced', 'admitted', 'full'] as const;
export type PartyStage = (typeof PARTY_STAGES)[number];

export const AddIntroductionBody = z.object({
  personId: z.number({ error: 'Chọn đoàn viên/hội viên' }).int().positive(),
  stage: z.enum(PARTY_STAGES, {
    error: 'Chọn bước: cảm tình Đảng, học lớp, giới thiệu, kết nạp, chính thức',
  }),
  stageOn: IsoDate,
  decisionNo: z.string().trim().max(100, 'Số quyết định tối đa 100 ký tự').optional(),
  note: z.string().trim().max(1000, 'Ghi chú tối đa 1000 ký tự').optional(),
});
export type AddIntroductionBody = z.infer<typeof AddIntroductionBody>;

export const IntroductionsQuery = z.object({
  stage: z.enum(PARTY_STAGES).optional(),
  year: z.coerce.number().int().min(1900).max(2999).optional(),
});
export type IntroductionsQuery = z.infer<typeof IntroductionsQuery>;

export const Introduction = z.object({
  id: z.number(),
  personId: z.number(),
  fullName: z.string(),
  birthDate: z.string().nullable(),
  birthYear: z.number().nullable(),
  unitId: z.number(),
  unitName: z.string(),
  stage: z.enum(PARTY_STAGES),
  stageOn: z.string(),
  decisionNo: z.string().nullable(),
  note: z.string().nullable(),
  createdAt: z.string(),
});
export type Introduction = z.infer<typeof Introduction>;

export const IntroductionList = z.object({
  items: z.array(Introduction),
  /** whether the actor may add or delete entries in this unit */
  canWrite: z.boolean(),
});
export type IntroductionList = z.infer<typeof IntroductionList>;

export const IntroductionDone = z.object({ id: z.number() });
