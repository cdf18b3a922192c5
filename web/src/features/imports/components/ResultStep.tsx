import { DownloadOutlined } from '@ant-design/icons';
import { Button, Result } from 'antd';
import { Link } from 'react-router-dom';
import { formatNumber } from '../../../lib/format';
import { useImportsText } from '../i18n';
import type { ImportDetail } from '../types';

/** What the commit wrote, the rejected rows to download, and where to go next. */
export function ResultStep(props: {
  job: ImportDetail;
  downloading: boolean;
  onRejected(): void;
  onAnother(): void;
}) {
  const { job, downloading, onRejected, onAnother } = props;
  const { s, f } = useImportsText();
  const r = job.result ?? { persons: 0, memberships: 0, linked: 0, skipped: 0 };
  return (
    <Result
      status="success"
      title={s.result.title}
      subTitle={f(s.result.summary, {
        persons: formatNumber(r.persons),
        linked: formatNumber(r.linked),
        skipped: formatNumber(r.skipped),
      })}
      extra={[
        <Link key="view" to={`/people?unitId=${job.unitId}`}>
          <Button type="primary">{s.result.view}</Button>
        </Link>,
        r.skipped > 0 && (
          <Button key="rejected" icon={<DownloadOutlined />} loading={downloading} onClick={onRejected}>
            {s.preview.rejected}
          </Button>
        ),
        <Button key="another" onClick={onAnother}>
          {s.result.another}
        </Button>,
      ]}
    />
  );
}
