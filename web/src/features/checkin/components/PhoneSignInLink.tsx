import { MobileOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router-dom';

/** On the officers' sign-in page: "Đoàn viên/hội viên: đăng nhập bằng số điện thoại", back here afterwards. */
export function PhoneSignInLink() {
  const { t } = useTranslation();
  const { pathname, search } = useLocation();
  const navigate = useNavigate();
  const next = encodeURIComponent(pathname + search);
  return (
    <Button
      block
      size="large"
      icon={<MobileOutlined />}
      // The label is long: it wraps inside the button instead of sticking out of it (login card, phones).
      style={{ marginTop: 16, height: 'auto', minHeight: 40, whiteSpace: 'normal', paddingBlock: 6 }}
      onClick={() => navigate(`/dang-nhap-so-dien-thoai?next=${next}`)}
    >
      {t('checkin.phone.link')}
    </Button>
  );
}
