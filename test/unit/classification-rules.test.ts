import { describe, expect, it } from 'vitest';
import type { Metrics, SchemeBody } from '../../contracts/classification';
import { defaultScheme, propose, schemeProblem } from '../../server/modules/classification/rules';

/** A branch that meets every default threshold of the best level exactly. */
const best: Metrics = {
  rhythmShare: 0.9,
  attendanceRate: 0.8,
  thematic: 2,
  admitted: 2,
  partyIntroduced: 1,
  voiceOnTime: 0.9,
};
const doan = defaultScheme('DOAN');

describe('classification defaults', () => {
  it('uses the common four levels, and levels from "Vững mạnh" for the Farmers\' Association', () => {
    expect(doan.levels.map((l) => l.name)).toEqual([
      'Hoàn thành xuất sắc nhiệm vụ',
      'Hoàn thành tốt nhiệm vụ',
      'Hoàn thành nhiệm vụ',
      'Không hoàn thành nhiệm vụ',
    ]);
    expect(defaultScheme('NONGDAN').levels.map((l) => l.name)).toEqual([
      'Vững mạnh',
      'Khá',
      'Trung bình',
      'Yếu',
    ]);
    expect(schemeProblem(doan)).toBeNull();
    expect(schemeProblem(defaultScheme('NONGDAN'))).toBeNull();
  });
});

describe('propose', () => {
  it('gives the best level when every threshold is met exactly, with the met reasons', () => {
    const p = propose(doan, best);
    expect(p.level).toBe('xuat_sac');
    expect(p.reasons).toHaveLength(6);
    expect(p.reasons.every((r) => r.met && r.level === 'xuat_sac')).toBe(true);
    expect(p.reasons[0]!.text).toBe(
      'Đạt mức «Hoàn thành xuất sắc nhiệm vụ»: Tỷ lệ tháng sinh hoạt đúng định kỳ: 90% (cần từ 90%)',
    );
  });

  it('drops one level just below a threshold and names the failed one', () => {
    const p = propose(doan, { ...best, rhythmShare: 0.89 });
    expect(p.level).toBe('tot');
    const failed = p.reasons.filter((r) => !r.met);
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({ criterion: 'sinh_hoat', level: 'xuat_sac', value: 0.89, needed: 0.9 });
    expect(failed[0]!.text).toBe(
      'Chưa đạt mức «Hoàn thành xuất sắc nhiệm vụ»: Tỷ lệ tháng sinh hoạt đúng định kỳ: 89% (cần từ 90%)',
    );
    expect(p.reasons.filter((r) => r.met).every((r) => r.level === 'tot')).toBe(true);
  });

  it('walks down each boundary: good, done, not done', () => {
    expect(propose(doan, { ...best, thematic: 1 }).level).toBe('tot');
    expect(propose(doan, { ...best, thematic: 0 }).level).toBe('hoan_thanh');
    expect(propose(doan, { ...best, attendanceRate: 0.7 }).level).toBe('tot');
    expect(propose(doan, { ...best, attendanceRate: 0.69 }).level).toBe('hoan_thanh');
    expect(propose(doan, { ...best, attendanceRate: 0.5 }).level).toBe('hoan_thanh');
    const last = propose(doan, { ...best, rhythmShare: 0.49 });
    expect(last.level).toBe('khong_hoan_thanh');
    // One failed reason per better level, and no "met" reason: the last level has no threshold.
    expect(last.reasons.map((r) => [r.level, r.met])).toEqual([
      ['xuat_sac', false],
      ['tot', false],
      ['hoan_thanh', false],
    ]);
    expect(last.reasons[2]!.text).toContain('Chưa đạt mức «Hoàn thành nhiệm vụ»');
  });

  it('does not hold missing data against the branch (no opinion raised, no invitee)', () => {
    const p = propose(doan, { ...best, voiceOnTime: null, attendanceRate: null });
    expect(p.level).toBe('xuat_sac');
    expect(p.reasons.find((r) => r.metric === 'voiceOnTime')!.text).toBe(
      'Đạt mức «Hoàn thành xuất sắc nhiệm vụ»: Tỷ lệ ý kiến được trả lời đúng hạn: không có dữ liệu, không xét',
    );
  });

  it('shows counts as numbers in the reasons', () => {
    const p = propose(doan, { ...best, admitted: 0 });
    expect(p.level).toBe('hoan_thanh');
    expect(p.reasons.filter((r) => !r.met).map((r) => r.text)).toEqual([
      'Chưa đạt mức «Hoàn thành xuất sắc nhiệm vụ»: Số đoàn viên, hội viên mới kết nạp: 0 (cần từ 2)',
      'Chưa đạt mức «Hoàn thành tốt nhiệm vụ»: Số đoàn viên, hội viên mới kết nạp: 0 (cần từ 1)',
    ]);
  });
});

describe('schemeProblem', () => {
  const withThresholds = (t: Record<string, number>): SchemeBody => ({
    levels: doan.levels,
    criteria: [{ key: 'tham_du', label: 'Tỷ lệ dự sinh hoạt', metric: 'attendanceRate', thresholds: t }],
  });

  it('refuses a worse level stricter than a better one, naming the criterion', () => {
    const p = schemeProblem(withThresholds({ xuat_sac: 0.8, tot: 0.85, hoan_thanh: 0.5 }));
    expect(p?.field).toBe('criteria.tham_du');
    expect(p?.message).toBe(
      'Tiêu chí «Tỷ lệ dự sinh hoạt»: ngưỡng của mức «Hoàn thành tốt nhiệm vụ» (85%) không được cao hơn mức «Hoàn thành xuất sắc nhiệm vụ» (80%). Mức thấp hơn phải có ngưỡng bằng hoặc thấp hơn.',
    );
  });

  it('accepts equal thresholds for two levels', () => {
    expect(schemeProblem(withThresholds({ xuat_sac: 0.8, tot: 0.8, hoan_thanh: 0.8 }))).toBeNull();
  });

  it('refuses a missing threshold, one for the last level, a share above 100%, duplicates', () => {
    expect(schemeProblem(withThresholds({ xuat_sac: 0.8, tot: 0.7 }))?.message).toBe(
      'Tiêu chí «Tỷ lệ dự sinh hoạt»: thiếu ngưỡng cho mức «Hoàn thành nhiệm vụ».',
    );
    expect(
      schemeProblem(withThresholds({ xuat_sac: 0.8, tot: 0.7, hoan_thanh: 0.5, khong_hoan_thanh: 0 }))
        ?.message,
    ).toContain('mức cuối không cần ngưỡng');
    expect(schemeProblem(withThresholds({ xuat_sac: 1.5, tot: 0.7, hoan_thanh: 0.5 }))?.message).toContain(
      'tối đa 100%',
    );
    expect(schemeProblem({ ...doan, levels: [doan.levels[0]!, doan.levels[0]!] })?.message).toBe(
      'Hai mức xếp loại trùng mã.',
    );
    expect(schemeProblem({ ...doan, criteria: [doan.criteria[0]!, doan.criteria[0]!] })?.message).toBe(
      'Hai tiêu chí trùng mã.',
    );
  });
});
