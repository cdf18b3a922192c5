import { Alert, Card, Progress, Typography } from 'antd';
import { formatNumber } from '../../../lib/format';
import { useImportsText } from '../i18n';
import type { ImportDetail } from '../types';

/** While the server checks or writes: a progress bar fed by polling the job. */
export function ProgressStep({ job }: { job: ImportDetail }) {
  const { s, f } = useImportsText();
  const checking = job.status === 'checking';
  const { done, total } = job.progress;
  const percent = checking ? (total > 0 ? Math.min(99, Math.floor((done / total) * 100)) : 0) : 99;
  return (
    <Card>
      <Typography.Paragraph strong aria-live="polite">
        {checking
          ? f(s.progress.checking, {
              done: formatNumber(done),
              total: formatNumber(Math.max(done, total)),
            })
          : s.progress.committing}
      </Typography.Paragraph>
      <Progress percent={percent} status="active" showInfo={checking} aria-label={s.steps.check} />
      <Alert type="info" showIcon title={s.progress.leave} style={{ marginTop: 12 }} />
    </Card>
  );
}
