import { Button, Card, Form, type FormInstance, Input, InputNumber, Space, Table, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { CATALOGUE_ITEMS, FORMATS, type ProactiveItem } from '../../../../src/domain/report/index.ts';
import { t } from '../../i18n.ts';
import { departmentSums, type Figures, type LiveFailure, type Report } from './live-checks.ts';

interface Props {
  r: Report;
  form: FormInstance<Figures>;
  failures: LiveFailure[];
  editable: boolean;
  saving: boolean;
  onSave: () => void;
}

/**
 * 二、主动公开政府信息情况: the 第二十条 items of the report's format, one input per cell, each cell's failing
 * checks in red beside it. 规章 and 规范性文件 are counted from the catalogue; a government's figures default to the
 * sum of its departments', which a figure it enters replaces.
 */
export function ProactiveTable({ r, form, failures, editable, saving, onSave }: Props) {
  const government = r.departments !== undefined;
  const sums = useMemo(() => (government ? departmentSums(r) : {}), [r, government]);
  const at = (key: string) => failures.filter((f) => f.at === key);
  const fromSums = () => {
    const next: Figures = {};
    for (const item of FORMATS[r.version].proactive) {
      if (CATALOGUE_ITEMS.includes(item.key)) continue;
      for (const c of item.columns) {
        const s = sums[`${item.key}.${c.key}`];
        if (s && s.sum !== null) next[item.key] = { ...next[item.key], [c.key]: s.sum };
      }
    }
    form.setFieldsValue(next);
  };
  const cell = (item: ProactiveItem, c: ProactiveItem['columns'][number]) => {
    const key = `proactive.${item.key}.${c.key}`;
    const errs = at(key);
    const fromCatalogue = CATALOGUE_ITEMS.includes(item.key);
    const s = sums[`${item.key}.${c.key}`];
    const entered = r.figures?.[item.key]?.[c.key];
    return (
      <div key={c.key} style={{ minWidth: 150 }}>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t(c.label)}
        </Typography.Text>
        {fromCatalogue ? (
          <div>{r.proactive[item.key]?.[c.key] ?? '—'}</div>
        ) : (
          <Form.Item
            name={[item.key, c.key]}
            style={{ margin: 0 }}
            validateStatus={errs.length ? 'error' : undefined}
            getValueFromEvent={c.kind === 'text' ? (e) => e.target.value || null : (v) => v ?? null}
          >
            {c.kind === 'text' ? (
              <Input aria-label={`${t(item.label)} ${t(c.label)}`} placeholder={t('如 251000元')} />
            ) : (
              <InputNumber
                aria-label={`${t(item.label)} ${t(c.label)}`}
                min={c.kind === 'signed' ? undefined : 0}
                precision={c.kind === 'decimal' ? 4 : 0}
                style={{ width: 140 }}
              />
            )}
          </Form.Item>
        )}
        {government && !fromCatalogue && s && (
          <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
            {s.sum === null ? t('各部门合计：{n} 个部门未填', { n: s.blank }) : t('各部门合计 {n}', { n: s.sum })}
            {entered != null ? ` · ${t('本级录入')}` : ''}
          </Typography.Text>
        )}
        {errs.map((f) => (
          <Typography.Text key={f.rule + f.message} type="danger" style={{ fontSize: 12, display: 'block' }}>
            {f.rule === 'M' ? t('空白：应填写数字（空白不等于0）') : f.message}
          </Typography.Text>
        ))}
      </div>
    );
  };
  return (
    <Card
      size="small"
      title={t('二、主动公开政府信息情况')}
      style={{ marginBottom: 16 }}
      extra={
        editable && (
          <Space>
            {government && <Button onClick={fromSums}>{t('按各部门合计填入')}</Button>}
            <Button type="primary" loading={saving} disabled={saving} onClick={onSave}>
              {t('保存第二部分')}
            </Button>
          </Space>
        )
      }
    >
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {government
          ? t(
              '规章、规范性文件由目录计算；其余数字来自其他系统。本级政府报告的数字默认为各部门之和，本级录入的数字代替该和（条例第五十条）。',
            )
          : t('规章、规范性文件由目录计算；其余数字来自其他系统，在此录入。空白不等于0。')}
      </Typography.Paragraph>
      <Form form={form} disabled={!editable} component={false}>
        <Table
          size="small"
          pagination={false}
          rowKey="key"
          scroll={{ x: 800 }}
          dataSource={FORMATS[r.version].proactive}
          columns={[
            {
              title: t('项目'),
              dataIndex: 'label',
              width: 220,
              render: (v: string, item: ProactiveItem) => (
                <>
                  <div>{t(v)}</div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t(item.article)}
                  </Typography.Text>
                  {CATALOGUE_ITEMS.includes(item.key) && (
                    <Tag style={{ marginLeft: 4 }} color="blue">
                      {t('由目录计算')}
                    </Tag>
                  )}
                </>
              ),
            },
            {
              title: t('数据'),
              key: 'cells',
              render: (_: unknown, item: ProactiveItem) => (
                <Space wrap align="start" size="large">
                  {item.columns.map((c) => cell(item, c))}
                </Space>
              ),
            },
          ]}
        />
      </Form>
    </Card>
  );
}
