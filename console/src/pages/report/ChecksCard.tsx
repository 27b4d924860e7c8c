import { Alert, Card, Tag } from 'antd';
import { t } from '../../i18n.ts';
import type { LiveFailure } from './live-checks.ts';

const RULE_LABELS: Record<LiveFailure['rule'], string> = {
  R1: t('勾稽关系'),
  R2: t('总计与明细'),
  R3: t('行合计'),
  R4: t('复议诉讼合计'),
  R5: t('跨年度结转'),
  M: t('空白'),
  V: t('格式'),
};

/** 校验: the report's checks as edited (evaluated in the browser, the same rules as the server's). */
export function ChecksCard({ failures, dirty }: { failures: LiveFailure[]; dirty: boolean }) {
  return (
    <Card
      size="small"
      title={t('校验（{result}）', {
        result: failures.length ? t('{n} 项未通过', { n: failures.length }) : t('全部通过'),
      })}
      extra={dirty ? <Tag color="orange">{t('含未保存的修改')}</Tag> : null}
      style={{ marginBottom: 16 }}
    >
      {failures.length === 0 ? (
        <Alert type="success" title={t('各项数字相互一致')} />
      ) : (
        <ul data-testid="report-failures" style={{ margin: 0, paddingLeft: 20 }}>
          {failures.map((f) => (
            <li key={`${f.rule}${f.at}${f.message}`}>
              {/* The rule's name in words; its id (R1–R5, M) as the spec numbers it, on hover. */}
              <Tag color="red" title={f.rule}>
                {RULE_LABELS[f.rule]}
              </Tag>
              {f.message}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
