import {
  AuditOutlined,
  BarChartOutlined,
  BookOutlined,
  DashboardOutlined,
  FileTextOutlined,
  FolderOpenOutlined,
  LogoutOutlined,
  SettingOutlined,
} from '@ant-design/icons';
import { Button, Layout, Menu, Result, Space, Spin, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { call, setCsrf } from './api.ts';
import { t } from './i18n.ts';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { Admin } from './pages/Admin.tsx';
import { CaseDetail } from './pages/CaseDetail.tsx';
import { Cases } from './pages/Cases.tsx';
import { Catalogue } from './pages/Catalogue.tsx';
import { ColumnPages } from './pages/ColumnPages.tsx';
import { ItemEditor } from './pages/ItemEditor.tsx';
import { Login } from './pages/Login.tsx';
import { ReportEditor } from './pages/ReportEditor.tsx';
import { Supervision } from './pages/Supervision.tsx';
import { Workbench } from './pages/Workbench.tsx';
import { navigate, useRoute } from './router.ts';
import { type Agency, hasRole, type Me, type Meta, SessionContext } from './session.tsx';

const { Header, Sider, Content } = Layout;

export function App() {
  const [state, setState] = useState<{ me: Me; meta: Meta; agencies: Agency[] } | null | 'loading'>('loading');
  const route = useRoute();
  const load = useCallback(async () => {
    try {
      const me = await call('me');
      setCsrf(me.csrfToken);
      const [meta, agencies] = await Promise.all([call('consoleMeta'), call('listAgencies')]);
      setState({ me, meta, agencies: agencies.items });
    } catch {
      setState(null);
    }
  }, []);
  useEffect(() => {
    void load();
    const out = () => setState(null);
    window.addEventListener('gk-logged-out', out);
    return () => window.removeEventListener('gk-logged-out', out);
  }, [load]);
  if (state === 'loading') return <Spin fullscreen tip={t('加载中…')} />;
  if (!state) return <Login onDone={load} />;
  const { me } = state;
  const logout = async () => {
    await call('logout').catch(() => undefined);
    setState(null);
  };
  const items = [
    { key: '/', icon: <DashboardOutlined />, label: t('工作台') },
    ...(hasRole(me, 'operator', 'approver', 'reviewer', 'agency_admin', 'supervisor')
      ? [{ key: '/cases', icon: <FileTextOutlined />, label: t('依申请公开') }]
      : []),
    { key: '/catalogue', icon: <FolderOpenOutlined />, label: t('主动公开') },
    { key: '/reports', icon: <AuditOutlined />, label: t('年度报告') },
    ...(hasRole(me, 'agency_admin', 'sysadmin', 'operator')
      ? [
          {
            key: 'column',
            icon: <BookOutlined />,
            label: t('信息公开专栏'),
            children: [
              { key: '/column', label: t('公开指南') },
              { key: '/column?tab=rules', label: t('公开制度') },
            ],
          },
        ]
      : []),
    ...(hasRole(me, 'supervisor') ? [{ key: '/supervision', icon: <BarChartOutlined />, label: t('监督考核') }] : []),
    ...(hasRole(me, 'agency_admin', 'sysadmin', 'supervisor')
      ? [{ key: '/admin', icon: <SettingOutlined />, label: t('系统管理') }]
      : []),
  ];
  const section = `/${route.path.split('/')[1] ?? ''}`;
  const selected =
    section === '/item'
      ? '/catalogue'
      : section === '/case'
        ? '/cases'
        : section === '/column' && route.query.get('tab') === 'rules'
          ? '/column?tab=rules'
          : section;
  return (
    <SessionContext.Provider value={{ ...state, logout }}>
      <Layout style={{ minHeight: '100vh' }}>
        <Header
          style={{
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'space-between',
            background: '#b31b1b',
            padding: '0 16px',
          }}
        >
          <Typography.Title level={4} style={{ color: '#fff', margin: 0, whiteSpace: 'nowrap' }}>
            {t('政府信息公开工作台')}
          </Typography.Title>
          <Space>
            <LanguageSwitch />
            <span className="gk-user" style={{ color: '#fff' }}>
              {me.displayName}
            </span>
            <Button icon={<LogoutOutlined />} onClick={logout}>
              {t('退出')}
            </Button>
          </Space>
        </Header>
        <Layout>
          <Sider breakpoint="lg" collapsedWidth={0} width={180} theme="light">
            <nav aria-label={t('主菜单')}>
              <Menu
                mode="inline"
                selectedKeys={[selected]}
                defaultOpenKeys={section === '/column' ? ['column'] : []}
                items={items}
                onClick={(e) => navigate(e.key)}
              />
            </nav>
          </Sider>
          <Content style={{ padding: 16, minWidth: 0 }}>
            <main>
              <Screen path={route.path} query={route.query} />
            </main>
          </Content>
        </Layout>
      </Layout>
    </SessionContext.Provider>
  );
}

function Screen({ path, query }: { path: string; query: URLSearchParams }) {
  const [, section, id] = path.split('/');
  switch (section) {
    case '':
    case undefined:
      return <Workbench />;
    case 'cases':
      return <Cases query={query} />;
    case 'case':
      return <CaseDetail trackingNumber={decodeURIComponent(id ?? '')} />;
    case 'catalogue':
      return <Catalogue query={query} />;
    case 'item':
      return <ItemEditor id={id === 'new' ? null : (id ?? null)} />;
    case 'reports':
      return <ReportEditor query={query} />;
    case 'supervision':
      return <Supervision query={query} />;
    case 'column':
      return <ColumnPages query={query} />;
    case 'admin':
      return <Admin />;
    default:
      return <Result status="404" title={t('页面不存在')} />;
  }
}
