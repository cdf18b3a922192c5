import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Result, Skeleton, Steps } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { errorMessage } from '../../../api/client';
import { PageHeader } from '../../../app/PageHeader';
import { useUrlParams } from '../../../lib/useUrlParams';
import { useDownload } from '../../people/hooks';
import { useUnit } from '../../units/hooks';
import { MappingStep } from '../components/MappingStep';
import { PreviewStep } from '../components/PreviewStep';
import { ProgressStep } from '../components/ProgressStep';
import { RecentImports } from '../components/RecentImports';
import { ResultStep } from '../components/ResultStep';
import { UploadStep } from '../components/UploadStep';
import { useCancel, useCheck, useCommit, useImportJob } from '../hooks';
import { useImportsText } from '../i18n';
import type { ImportDetail } from '../types';

const STEP: Record<ImportDetail['status'], number> = {
  uploaded: 1,
  failed: 1,
  checking: 2,
  checked: 2,
  committing: 3,
  committed: 3,
  cancelled: 0,
};

/** /units/:id/import[?job=N]: upload → columns → check → import; the job id in the URL lets one come back. */
export default function ImportPage() {
  const { s } = useImportsText();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const unitId = Number(useParams().id);
  const [params, update] = useUrlParams();
  const jobId = Number(params.get('job')) || null;
  const unit = useUnit(unitId);
  const job = useImportJob(jobId);
  const [remap, setRemap] = useState(false);
  const check = useCheck();
  const commit = useCommit();
  const cancel = useCancel();
  const download = useDownload();
  const open = (id: number | null) => {
    setRemap(false);
    update({ job: id ? String(id) : null }, { replace: false });
  };
  const status = job.data?.status;
  // New members are in the lists once the import is written.
  useEffect(() => {
    if (status === 'committed') void qc.invalidateQueries({ queryKey: ['people'] });
  }, [status, qc]);

  const fail = (err: unknown) => message.error(errorMessage(err));
  const rejected = () =>
    download.start('rejected', `/imports/${jobId}/rejected`, {}, 'dong-chua-nhap.xlsx').catch(fail);

  let body: React.ReactNode;
  if (!jobId) {
    body = (
      <>
        <UploadStep unitId={unitId} onUploaded={(j) => open(j.id)} />
        <RecentImports unitId={unitId} onOpen={open} />
      </>
    );
  } else if (job.isLoading) body = <Skeleton active />;
  else if (job.isError) body = <Alert type="error" showIcon title={job.error.message} />;
  else if (job.data) {
    const j = job.data;
    const mapping = (
      <MappingStep
        key={j.id}
        job={j}
        busy={check.isPending}
        onCheck={(m) =>
          check.mutate(
            { id: j.id, body: { mapping: m } },
            { onSuccess: () => setRemap(false), onError: fail },
          )
        }
        onCancel={() => cancel.mutate({ id: j.id }, { onError: fail })}
      />
    );
    if (j.status === 'failed') {
      body = (
        <>
          <Alert type="error" showIcon title={s.failed} description={j.error} style={{ marginBottom: 12 }} />
          {mapping}
        </>
      );
    } else if (j.status === 'uploaded' || (j.status === 'checked' && remap)) body = mapping;
    else if (j.status === 'checking' || j.status === 'committing') body = <ProgressStep job={j} />;
    else if (j.status === 'checked') {
      body = (
        <PreviewStep
          job={j}
          busy={commit.isPending}
          downloading={download.running === 'rejected'}
          onCommit={(mode, linkDuplicates) =>
            commit.mutate({ id: j.id, body: { mode, linkDuplicates } }, { onError: fail })
          }
          onRemap={() => setRemap(true)}
          onRejected={rejected}
        />
      );
    } else if (j.status === 'committed') {
      body = (
        <ResultStep
          job={j}
          downloading={download.running === 'rejected'}
          onRejected={rejected}
          onAnother={() => open(null)}
        />
      );
    } else {
      body = (
        <Result
          status="info"
          title={s.result.cancelled}
          extra={<Button onClick={() => open(null)}>{s.result.another}</Button>}
        />
      );
    }
  }

  const current = jobId ? STEP[job.data?.status ?? 'uploaded'] : 0;
  return (
    <>
      <PageHeader
        title={unit.data ? `${s.title}: ${unit.data.unit.name}` : s.title}
        extra={<Link to={`/people?unitId=${unitId}`}>{s.backToList}</Link>}
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Steps
          size="small"
          current={current}
          items={[
            { title: s.steps.upload },
            { title: s.steps.mapping },
            { title: s.steps.check },
            { title: s.steps.commit },
          ]}
        />
      </Card>
      {body}
    </>
  );
}
