import { App, Button, Card, Flex, Grid, Radio, Space, Tag, Typography } from 'antd';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DuplicatePair, DuplicatePerson, MergeField } from '../../../../../contracts/duplicates';
import { errorMessage } from '../../../api/client';
import { lookup } from '../../../app/i18n/lookup';
import { formatBirth, formatDate } from '../../../lib/format';
import { useDismiss, useMerge } from '../hooks';

type Side = 'a' | 'b';
const ROWS: MergeField[] = [
  'name',
  'birth',
  'gender',
  'phone',
  'nationalId',
  'ethnicity',
  'religion',
  'occupation',
  'education',
  'partyStatus',
  'veteran',
  'homeArea',
  'away',
];

/** How one merge field of a record reads. */
function useShow() {
  const { t } = useTranslation();
  return (p: DuplicatePerson, f: MergeField): string => {
    const dash = t('duplicates.empty_value');
    switch (f) {
      case 'name':
        return p.fullName;
      case 'birth':
        return formatBirth(p.birthDate, p.birthYear);
      case 'gender':
        return p.gender === 'M' ? t('duplicates.male') : p.gender === 'F' ? t('duplicates.female') : dash;
      case 'partyStatus':
        return p.partyStatus ? lookup(t, `duplicates.party.${p.partyStatus}`, p.partyStatus) : dash;
      case 'veteran':
        return p.veteran ? t('duplicates.yes') : t('duplicates.no');
      case 'homeArea':
        return p.homeAreaName ?? dash;
      case 'away':
        return p.awayFromHome
          ? [
              t('duplicates.away', { place: p.awayPlace ?? dash }),
              p.awaySince ? formatDate(p.awaySince) : null,
              p.awayContact,
            ]
              .filter(Boolean)
              .join(' · ')
          : t('duplicates.no');
      default:
        return p[f] ?? dash;
    }
  };
}

function Memberships({ p }: { p: DuplicatePerson }) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={2}>
      {p.memberships.map((m) => (
        <span key={m.id}>
          <Tag>{m.organizationName}</Tag>
          {m.unitName}{' '}
          <Typography.Text type="secondary">
            ({lookup(t, `duplicates.statuses.${m.status}`, m.status)}
            {m.joinedOn ? `, ${formatDate(m.joinedOn)}` : ''})
          </Typography.Text>
        </span>
      ))}
      {p.otherMemberships > 0 && (
        <Typography.Text type="secondary">
          {t('duplicates.otherMemberships', { n: p.otherMemberships })}
        </Typography.Text>
      )}
    </Flex>
  );
}

const cell: React.CSSProperties = {
  padding: '6px 8px',
  borderBottom: '1px solid #f0f0f0',
  verticalAlign: 'top',
  textAlign: 'left',
  overflowWrap: 'anywhere',
};

/** Two records side by side: which to keep, which value of each differing field, then merge or dismiss. */
export function PairCard({ pair }: { pair: DuplicatePair }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const show = useShow();
  const merge = useMerge();
  const dismiss = useDismiss();
  const [keep, setKeep] = useState<Side>('a');
  const [choice, setChoice] = useState<Partial<Record<MergeField, Side>>>({});
  const differs = new Set(pair.differing);
  const rec = { a: pair.a, b: pair.b };
  const other: Side = keep === 'a' ? 'b' : 'a';
  const chosen = (f: MergeField): Side => choice[f] ?? keep;
  const busy = merge.isPending || dismiss.isPending;
  const label = (s: Side) => (s === 'a' ? t('duplicates.recordA') : t('duplicates.recordB'));
  const groupName = `${pair.a.id}-${pair.b.id}`;
  // On a phone the field name takes a line of its own above the two values, so a phone number or an ID
  // number is not broken in the middle to fit a third column.
  const narrow = Grid.useBreakpoint().sm === false;
  const row = (key: string, heading: React.ReactNode, values: React.ReactNode[], diff = false) => {
    const style = diff ? { background: '#fff7e6' } : undefined;
    const weight = diff ? 600 : 400;
    const tds = values.map((v, i) => (
      <td key={i === 0 ? 'a' : 'b'} style={cell}>
        {v}
      </td>
    ));
    return narrow ? (
      <tbody key={key}>
        <tr style={style}>
          <th
            scope="rowgroup"
            colSpan={2}
            style={{ ...cell, borderBottom: 'none', paddingBottom: 0, fontWeight: weight }}
          >
            {heading}
          </th>
        </tr>
        <tr style={style}>{tds}</tr>
      </tbody>
    ) : (
      <tbody key={key}>
        <tr style={style}>
          <th scope="row" style={{ ...cell, fontWeight: weight }}>
            {heading}
          </th>
          {tds}
        </tr>
      </tbody>
    );
  };

  const onMerge = () => {
    const kept = rec[keep];
    const merged = rec[other];
    modal.confirm({
      title: t('duplicates.mergeConfirm', { merged: merged.fullName, kept: kept.fullName }),
      content: t('duplicates.mergeExplain', { merged: merged.fullName }),
      okText: t('duplicates.merge'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () =>
        merge
          .mutateAsync({
            keptId: kept.id,
            mergedId: merged.id,
            take: pair.differing.filter((f) => chosen(f) === other),
          })
          .then(() => message.success(t('duplicates.merged')))
          .catch((err) => message.error(errorMessage(err))),
    });
  };
  const onDismiss = () =>
    modal.confirm({
      title: t('duplicates.notDuplicateConfirm'),
      okText: t('duplicates.notDuplicate'),
      cancelText: t('common.cancel'),
      onOk: () =>
        dismiss
          .mutateAsync({ personA: pair.a.id, personB: pair.b.id })
          .then(() => message.success(t('duplicates.dismissed')))
          .catch((err) => message.error(errorMessage(err))),
    });

  return (
    <Card
      size="small"
      title={
        <Space wrap size={4}>
          {pair.reasons.map((r) => (
            <Tag key={r} color="orange">
              {t(`duplicates.reasons.${r}`)}
            </Tag>
          ))}
        </Space>
      }
    >
      <div style={{ overflowX: 'auto' }}>
        <table style={{ width: '100%', borderCollapse: 'collapse', tableLayout: 'fixed', minWidth: 300 }}>
          <caption style={{ textAlign: 'left', captionSide: 'top', paddingBottom: 4 }}>
            <Typography.Text type="secondary">{t('duplicates.keepHint')}</Typography.Text>
          </caption>
          <thead>
            <tr>
              {!narrow && (
                <th scope="col" style={{ ...cell, width: '28%' }}>
                  {t('duplicates.field')}
                </th>
              )}
              {(['a', 'b'] as const).map((s) => (
                <th key={s} scope="col" style={cell}>
                  <Radio
                    name={`keep-${groupName}`}
                    checked={keep === s}
                    onChange={() => setKeep(s)}
                    aria-label={`${t('duplicates.keep')}: ${label(s)} (${rec[s].fullName})`}
                  >
                    {label(s)} · {t('duplicates.keep')}
                  </Radio>
                </th>
              ))}
            </tr>
          </thead>
          {ROWS.map((f) => {
            const diff = differs.has(f);
            const name = t(`duplicates.fields.${f}`);
            return (
              <Fragment key={f}>
                {row(
                  f,
                  <>
                    {name}
                    {diff && (
                      <Tag color="gold" style={{ marginInlineStart: 4 }}>
                        {t('duplicates.differs')}
                      </Tag>
                    )}
                  </>,
                  (['a', 'b'] as const).map((s) =>
                    diff ? (
                      <Radio
                        key={s}
                        name={`${f}-${groupName}`}
                        checked={chosen(f) === s}
                        onChange={() => setChoice((c) => ({ ...c, [f]: s }))}
                        aria-label={`${t('duplicates.chooseValue', { field: name })}: ${show(rec[s], f)}`}
                      >
                        {show(rec[s], f)}
                      </Radio>
                    ) : (
                      show(rec[s], f)
                    ),
                  ),
                  diff,
                )}
              </Fragment>
            );
          })}
          {row('memberships', t('duplicates.memberships'), [
            <Memberships key="a" p={pair.a} />,
            <Memberships key="b" p={pair.b} />,
          ])}
          {row('createdAt', t('duplicates.createdAt'), [
            formatDate(pair.a.createdAt),
            formatDate(pair.b.createdAt),
          ])}
        </table>
      </div>
      <Flex gap={8} wrap justify="end" style={{ marginTop: 12 }}>
        <Button onClick={onDismiss} disabled={busy}>
          {t('duplicates.notDuplicate')}
        </Button>
        <Button type="primary" danger onClick={onMerge} loading={merge.isPending} disabled={busy}>
          {t('duplicates.merge')}
        </Button>
      </Flex>
    </Card>
  );
}
