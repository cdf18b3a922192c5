/** Strings for rules that target a unit kind or one special unit; spread into `rules` in app/i18n. */
export const rulesTargetVi = {
  target: 'Áp dụng cho',
  targets: { all: 'Toàn tổ chức', unitKind: 'Một loại đơn vị', unit: 'Một đơn vị đặc thù' },
  specialUnit: 'Đơn vị đặc thù',
  unitLabel: 'Đơn vị',
  unitSearch: 'Gõ tên chi đoàn/chi hội để tìm',
  unitRequired: 'Vui lòng chọn đơn vị',
  unitKindRequired: 'Vui lòng chọn loại đơn vị',
  effectiveToOptional: 'Hết hiệu lực từ ngày (không bắt buộc)',
  effectiveToAfter: 'Ngày hết hiệu lực phải sau ngày bắt đầu hiệu lực',
  showOverrides: 'Chỉ hiện quy định riêng (theo loại đơn vị hoặc đơn vị đặc thù)',
  overrideNote:
    'Quy định cho một đơn vị được ưu tiên hơn quy định cho loại đơn vị, và hơn quy định chung của tổ chức.',
};

export const rulesTargetEn: typeof rulesTargetVi = {
  target: 'Applies to',
  targets: { all: 'Whole organization', unitKind: 'One unit kind', unit: 'One special unit' },
  specialUnit: 'Special unit',
  unitLabel: 'Unit',
  unitSearch: 'Type a branch name to search',
  unitRequired: 'Please choose a unit',
  unitKindRequired: 'Please choose a unit kind',
  effectiveToOptional: 'No longer in force from (optional)',
  effectiveToAfter: 'The end date must be after the start date',
  showOverrides: 'Only overrides (per unit kind or special unit)',
  overrideNote:
    "A rule for one unit beats a rule for its unit kind, which beats the organization's general rule.",
};
