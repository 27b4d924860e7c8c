import { Card, Table } from 'antd';
import { FORMATS } from '../../../../src/domain/report/index.ts';
import { t } from '../../i18n.ts';
import { linkProps } from '../../router.ts';
import { useSession } from '../../session.tsx';
import type { Report } from './live-checks.ts';

/** Rows that are no outcome: their cells are not links to cases. */
const NOT_OUTCOMES = new Set(['new', 'carried_over', 'total', 'carried_forward']);

/** 三、收到和处理政府信息公开申请情况: from the case records, each outcome cell a link to its cases. */
export function ApplicationsTable({ r, agencyId, year }: { r: Report; agencyId: string; year: number }) {
  const { meta } = useSession();
  const rows = FORMATS[r.version].applicationRows;
  // The printed label, with its group (（三）不予公开 …) so that “1.属于国家秘密” reads on its own.
  const label = (k: string) => {
    const row = rows.find((x) => x.key === k);
    if (!row) return k;
    const group = row.groups.length > 1 ? row.groups[row.groups.length - 1] : '';
    return `${group ? `${t(group)} ` : ''}${t(row.label)}`;
  };
  const types = Object.keys(meta.applicantTypes);
  const dataSource = Object.entries(r.applications).map(([k, v]) => ({ key: k, ...v }));
  const cell = (row: string, type: string | null) => (v: number | null) =>
    NOT_OUTCOMES.has(row) ? (
      v
    ) : (
      <a
        {...linkProps(
          `/cases?decidedYear=${year}&outcome=${row}${type ? `&applicantType=${type}` : ''}&agencyId=${agencyId}`,
        )}
        title={t('查看对应的申请')}
      >
        {v}
      </a>
    );
  return (
    <Card
      size="small"
      title={t('三、收到和处理政府信息公开申请情况（数字来自办理记录，点击查看对应申请）')}
      style={{ marginBottom: 16 }}
    >
      <Table
        size="small"
        pagination={false}
        scroll={{ x: 1000 }}
        dataSource={dataSource}
        rowKey="key"
        columns={[
          { title: '', dataIndex: 'key', render: label, fixed: 'left', width: 260 },
          ...types.map((type) => ({
            title: meta.applicantTypes[type],
            dataIndex: type,
            render: (v: number | null, row: { key: string }) => cell(row.key, type)(v),
          })),
          {
            title: t('总计'),
            dataIndex: 'total',
            render: (v: number | null, row: { key: string }) => cell(row.key, null)(v),
          },
        ]}
      />
    </Card>
  );
}
