/** What each dashboard indicator means and which rows it counts (shown beside every figure). */
import type { Definition } from '../../../contracts/oversight';

export const DEFINITIONS: Definition[] = [
  {
    key: 'people',
    label: 'Số người (đoàn viên, hội viên)',
    group: 'people',
    format: 'count',
    stock: true,
    counts:
      'Số người khác nhau có sinh hoạt đang hoạt động hoặc đang chuyển (memberships) trong các đơn vị thuộc phạm vi; một người ở hai tổ chức tính một người. Lấy vào cuối kỳ (đang trong kỳ: hiện tại) và cuối kỳ trước. Số ngày trước tính từ ngày kết nạp và ngày kết thúc của các sinh hoạt.',
  },
  {
    key: 'memberships',
    label: 'Lượt sinh hoạt',
    group: 'people',
    format: 'count',
    stock: true,
    counts:
      'Tổng số sinh hoạt đang hoạt động hoặc đang chuyển, cộng từ bảng đếm theo đơn vị (unit_member_counts); một người ở hai tổ chức tính hai lượt. Lấy vào cuối kỳ (đang trong kỳ: hiện tại) và cuối kỳ trước. Số ngày trước = hiện tại trừ kết nạp, cộng ra khỏi tổ chức sau ngày đó (tính ở đơn vị hiện tại).',
  },
  {
    key: 'awayMembers',
    label: 'Đi làm ăn xa',
    group: 'people',
    format: 'count',
    stock: true,
    counts:
      'Lượt sinh hoạt đang hoạt động của người được ghi là đi làm ăn xa (persons.away_from_home), theo từng tổ chức: một người ở hai tổ chức tính ở cả hai. Lấy vào cuối kỳ (đang trong kỳ: hiện tại) và cuối kỳ trước. Số cuối một tháng trước = số hiện tại trừ các thay đổi ghi nhận sau tháng đó; để trống với tháng trước khi hệ thống bắt đầu ghi nhận.',
  },
  {
    key: 'admitted',
    label: 'Kết nạp mới',
    group: 'people',
    format: 'count',
    stock: false,
    counts:
      'Sinh hoạt có ngày kết nạp (memberships.joined_on) trong kỳ, tính ở đơn vị hiện tại của sinh hoạt; không tính bản ghi trùng đã gộp vào hồ sơ giữ lại.',
  },
  {
    key: 'left',
    label: 'Ra khỏi tổ chức',
    group: 'people',
    format: 'count',
    stock: false,
    counts:
      'Sinh hoạt đã kết thúc (thôi sinh hoạt, khai trừ, từ trần, hết tuổi) có ngày kết thúc (memberships.left_on) trong kỳ.',
  },
  {
    key: 'netChange',
    label: 'Tăng/giảm thuần',
    group: 'people',
    format: 'count',
    stock: false,
    counts: 'Kết nạp mới trừ ra khỏi tổ chức trong kỳ (không tính chuyển sinh hoạt giữa các đơn vị).',
  },
  {
    key: 'branches',
    label: 'Số chi đoàn, chi hội',
    group: 'meetings',
    format: 'count',
    stock: false,
    counts: 'Chi đoàn, chi hội đang hoạt động trong phạm vi (units cấp chi).',
  },
  {
    key: 'complianceRate',
    label: 'Tỷ lệ chi sinh hoạt đúng định kỳ',
    group: 'meetings',
    format: 'percent',
    stock: false,
    counts:
      'Chi đã họp đủ các kỳ đến hạn trong kỳ trên tổng số chi (báo cáo sinh hoạt định kỳ, bảng unit_period_compliance).',
  },
  {
    key: 'thematic',
    label: 'Buổi sinh hoạt chuyên đề',
    group: 'meetings',
    format: 'count',
    stock: false,
    counts: 'Buổi sinh hoạt chuyên đề đã tổ chức trong các kỳ đến hạn (unit_period_compliance.thematic).',
  },
  {
    key: 'attendanceRate',
    label: 'Tỷ lệ tham dự',
    group: 'meetings',
    format: 'percent',
    stock: false,
    counts:
      'Lượt có mặt (trực tiếp hoặc trực tuyến) trên lượt được mời của các buổi đã tổ chức (tổng từ unit_period_compliance).',
  },
  {
    key: 'awayAttendanceRate',
    label: 'Tỷ lệ tham dự của người đi làm ăn xa',
    group: 'meetings',
    format: 'percent',
    stock: false,
    counts: 'Như tỷ lệ tham dự, chỉ tính người đi làm ăn xa (away_attended_sum trên away_invited_sum).',
  },
  {
    key: 'coverageRate',
    label: 'Tỷ lệ chi có cán bộ cấp trên dự',
    group: 'cadres',
    format: 'percent',
    stock: false,
    counts:
      'Chi có ít nhất một buổi sinh hoạt có cán bộ cấp trên dự trong kỳ (unit_period_compliance.cadre_visited) trên tổng số chi.',
  },
  {
    key: 'coverageDifficultRate',
    label: 'Tỷ lệ có cán bộ cấp trên dự — vùng khó khăn',
    group: 'cadres',
    format: 'percent',
    stock: false,
    counts: 'Như trên, chỉ tính các chi ở địa bàn khó khăn (units.difficult_area).',
  },
  {
    key: 'voiceReceived',
    label: 'Ý kiến, kiến nghị tiếp nhận',
    group: 'voice',
    format: 'count',
    stock: false,
    counts:
      'Ý kiến, kiến nghị nêu trong kỳ tại các đơn vị thuộc phạm vi (voice_items.raised_at), kể cả ý kiến đã gộp.',
  },
  {
    key: 'voiceResolved',
    label: 'Đã giải quyết, trả lời',
    group: 'voice',
    format: 'count',
    stock: false,
    counts: 'Trong số ý kiến nêu trong kỳ, số đã có trả lời (voice_items.answered_at).',
  },
  {
    key: 'voiceOverdue',
    label: 'Quá hạn',
    group: 'voice',
    format: 'count',
    stock: false,
    counts:
      'Trong số ý kiến nêu trong kỳ, số đã quá hạn ở một bước hoặc đang mở quá hạn (không tính ý kiến đã gộp).',
  },
  {
    key: 'voiceMedianDays',
    label: 'Thời gian trả lời (trung vị, ngày)',
    group: 'voice',
    format: 'days',
    stock: false,
    counts: 'Trung vị số ngày từ khi nêu đến khi trả lời của các ý kiến nêu trong kỳ đã được trả lời.',
  },
  {
    key: 'branchCadres',
    label: 'Cán bộ chi đoàn, chi hội',
    group: 'cadres',
    format: 'count',
    stock: true,
    counts:
      'Lượt giữ chức vụ (memberships.position) trong một chi, sinh hoạt đang hoạt động; một người làm cán bộ ở hai chi tính hai lượt. Lấy vào cuối kỳ (đang trong kỳ: hiện tại) và cuối kỳ trước. Số cuối một tháng trước = số hiện tại trừ các thay đổi ghi nhận sau tháng đó; để trống với tháng trước khi hệ thống bắt đầu ghi nhận.',
  },
  {
    key: 'cadrePartyShare',
    label: 'Tỷ lệ cán bộ chi là đảng viên',
    group: 'cadres',
    format: 'percent',
    stock: true,
    counts:
      'Lượt cán bộ chi là đảng viên (dự bị hoặc chính thức, persons.party_status) trên tổng lượt cán bộ chi; để trống khi dưới 5 cán bộ với vai trò không được xem thông tin đảng viên (để không lộ người cụ thể). Lấy vào cuối kỳ (đang trong kỳ: hiện tại) và cuối kỳ trước. Số cuối một tháng trước = số hiện tại trừ các thay đổi ghi nhận sau tháng đó; để trống với tháng trước khi hệ thống bắt đầu ghi nhận.',
  },
  {
    key: 'introducedToParty',
    label: 'Giới thiệu cho Đảng xem xét kết nạp',
    group: 'cadres',
    format: 'count',
    stock: false,
    counts:
      'Số người được chi giới thiệu cho Đảng (party_introductions, giai đoạn «giới thiệu») với ngày ghi trong kỳ, tại đơn vị trong phạm vi; mỗi người tính một lần.',
  },
];
