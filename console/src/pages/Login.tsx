import { Alert, Button, Card, Form, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { ApiError, type Input as ApiInput, call, setCsrf } from '../api.ts';

import { t } from '../i18n.ts';
import { LanguageSwitch } from '../LanguageSwitch.tsx';
export function Login({ onDone }: { onDone: () => void }) {
  const [error, setError] = useState<string | null>(null);
  const [needCode, setNeedCode] = useState(false);
  const [busy, setBusy] = useState(false);
  const submit = async (v: ApiInput<'login'>['body']) => {
    setBusy(true);
    try {
      const r = await call('login', { body: v });
      setCsrf(r.csrfToken);
      onDone();
    } catch (e) {
      if (e instanceof ApiError && e.totpRequired) setNeedCode(true);
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <main
      style={{
        display: 'flex',
        justifyContent: 'center',
        alignItems: 'center',
        minHeight: '100vh',
        background: '#f5f5f5',
      }}
    >
      <Card style={{ width: 380 }}>
        <Space style={{ justifyContent: 'space-between', width: '100%' }} align="baseline">
          <Typography.Title level={3}>{t('政府信息公开工作台')}</Typography.Title>
          <LanguageSwitch color="#b31b1b" />
        </Space>
        {error && <Alert type="error" title={error} style={{ marginBottom: 16 }} showIcon />}
        <Form layout="vertical" onFinish={submit} requiredMark={false}>
          <Form.Item label={t('用户名')} name="username" rules={[{ required: true, message: t('请输入用户名') }]}>
            <Input autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item label={t('密码')} name="password" rules={[{ required: true, message: t('请输入密码') }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          {needCode && (
            <Form.Item
              label={t('动态口令（6 位）')}
              name="totp"
              rules={[{ required: true, message: t('请输入动态口令') }]}
            >
              <Input inputMode="numeric" autoComplete="one-time-code" maxLength={6} />
            </Form.Item>
          )}
          <Button type="primary" htmlType="submit" block loading={busy}>
            {t('登录')}
          </Button>
        </Form>
      </Card>
    </main>
  );
}
