import { Alert, Button, Card, Form, Input, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { defaultPatterns } from '../../../src/domain/agency/letter-settings.ts';
import { DOC_NUMBER_KINDS, type DocNumberKind } from '../../../src/domain/case/letters.ts';
import { type Input as ApiInput, call, type Output } from '../api.ts';
import { useAction, useLoad } from '../hooks.ts';
import { t } from '../i18n.ts';
import { Loaded } from '../Loaded.tsx';
import { ownAgency, useSession } from '../session.tsx';

type Values = NonNullable<ApiInput<'saveLetterSettings'>['body']>;

/** The registers in the console's language (the letter kinds of src/domain/case/letters.ts). */
const registerLabel = (k: DocNumberKind): string => {
  switch (k) {
    case 'receipt':
      return t('登记回执');
    case 'correction':
      return t('补正告知书');
    case 'third_party':
      return t('征求第三方意见书');
    case 'extension':
      return t('延期答复告知书');
    case 'fee':
      return t('收费通知书');
    case 'reply':
      return t('答复告知书');
    default: {
      const never: never = k;
      return never;
    }
  }
};

/** 机关设置: the 文号 of each letter kind (GB/T 9704-2012) and the 救济途径 every reply names. */
export function LetterSettings() {
  const { me, agencies } = useSession();
  const [agencyId, setAgencyId] = useState(ownAgency(me) ?? agencies[0]?.id);
  const { data, error, loading, reload } = useLoad<Output<'getLetterSettings'> | null>(
    () => (agencyId ? call('getLetterSettings', { params: { id: agencyId } }) : Promise.resolve(null)),
    [agencyId],
  );
  const act = useAction();
  const [form] = Form.useForm<Values>();
  const year = new Date().getFullYear();
  const save = async (v: Values) => {
    const body = { ...v, docCode: v.docCode || null, reviewBody: v.reviewBody || null, court: v.court || null };
    if (await act(() => call('saveLetterSettings', { params: { id: agencyId ?? '' }, body }), t('已保存'), { form }))
      await reload();
  };
  const fromCode = () => {
    const code = form.getFieldValue('docCode');
    if (code) form.setFieldValue('patterns', defaultPatterns(String(code).trim()));
  };
  return (
    <Space direction="vertical" style={{ width: '100%', maxWidth: 760 }}>
      {agencies.length > 1 && (
        <Select
          style={{ width: 320 }}
          value={agencyId}
          onChange={setAgencyId}
          aria-label={t('机关')}
          options={agencies.map((a) => ({ value: a.id, label: a.name }))}
        />
      )}
      {error && data && <Alert type="error" title={error} showIcon />}
      {!data && <Loaded state={{ data, error, loading, reload }}>{() => null}</Loaded>}
      {data && (
        <Form
          key={agencyId}
          form={form}
          layout="vertical"
          onFinish={save}
          initialValues={{
            docCode: data.docCode ?? '',
            patterns: data.patterns,
            reviewBody: data.reviewBody ?? '',
            court: data.court ?? '',
          }}
        >
          <Card size="small" title={t('文号')}>
            <Typography.Paragraph type="secondary">
              {t(
                '告知书出具时按本机关、年度、文书类型依次编号（GB/T 9704-2012：机关代字〔年份〕序号号，序号不编虚位）。未设置文号格式的文书不能出具；登记回执未设置时不编号。',
              )}
            </Typography.Paragraph>
            <Space align="end">
              <Form.Item label={t('机关代字')} name="docCode">
                <Input style={{ width: 200 }} placeholder={t('如 凉市监')} />
              </Form.Item>
              <Form.Item>
                <Button onClick={fromCode}>{t('按机关代字生成文号格式')}</Button>
              </Form.Item>
            </Space>
            {DOC_NUMBER_KINDS.map((k) => (
              <Form.Item
                key={k}
                label={registerLabel(k)}
                name={['patterns', k]}
                extra={
                  data.patterns[k]
                    ? t('例：{example}', {
                        example: data.patterns[k].replace('{year}', String(year)).replace('{n}', '1'),
                      })
                    : t('未设置')
                }
              >
                <Input allowClear placeholder={data.proposed.patterns[k]} />
              </Form.Item>
            ))}
          </Card>
          <Card size="small" title={t('救济途径')} style={{ marginTop: 16 }}>
            <Typography.Paragraph type="secondary">
              {t(
                '答复告知书写明向谁申请行政复议（60日内）、向哪个法院提起行政诉讼（6个月内）。留空则按行政区划建议；垂直管理机关、集中管辖的地方请填写实际的机关和法院。',
              )}
            </Typography.Paragraph>
            <Form.Item
              label={t('复议机关')}
              name="reviewBody"
              extra={t('建议：{name}', { name: data.proposed.reviewBody ?? t('无法按行政区划确定，请填写') })}
            >
              <Input placeholder={data.proposed.reviewBody ?? ''} />
            </Form.Item>
            <Form.Item
              label={t('管辖法院')}
              name="court"
              extra={t('建议：{name}', { name: data.proposed.court ?? t('无法按行政区划确定，请填写') })}
            >
              <Input placeholder={data.proposed.court ?? ''} />
            </Form.Item>
          </Card>
          <Button type="primary" htmlType="submit" style={{ marginTop: 16 }}>
            {t('保存')}
          </Button>
        </Form>
      )}
    </Space>
  );
}
