import { Alert, Button, Empty, Input, Select, Skeleton, Space, Table, type TableProps } from 'antd';
import { useEffect, useState } from 'react';
import { t } from './i18n.ts';
import { navigate } from './router.ts';

/**
 * What the console's server-side lists share (issue #18): the list's state in the URL (page, pageSize, q, filters,
 * sort — the back button and a shared link restore it), a toolbar of search and filters, and a table paged by
 * the server with "共 N 条".
 */

/** How deep the server pages (MAX_OFFSET in src/domain/lists/paging.ts): beyond it, narrow the search. */
const MAX_OFFSET = 10_000;
const PAGE_SIZES = ['10', '20', '50', '100'];

export interface ListState {
  page: number;
  pageSize: number;
  q: string;
  sort: string;
  /** Every other parameter of the URL (the filters), as text: the server checks them. */
  filters: Record<string, string>;
}

const positive = (s: string | null, fallback: number) => {
  const n = Number(s);
  return Number.isInteger(n) && n >= 1 ? n : fallback;
};

/** The list's state from the URL, and `set` to change it (a new history entry; page 1 unless the page is set). */
export function useListState(path: string, query: URLSearchParams, filterKeys: readonly string[]) {
  const state: ListState = {
    page: positive(query.get('page'), 1),
    pageSize: Math.min(positive(query.get('pageSize'), 20), 100),
    q: query.get('q') ?? '',
    sort: query.get('sort') ?? '',
    filters: Object.fromEntries(filterKeys.flatMap((k) => (query.get(k) ? [[k, query.get(k)!]] : []))),
  };
  const set = (patch: Partial<Omit<ListState, 'filters'>> & { filters?: Record<string, string | undefined> }) => {
    const next = new URLSearchParams();
    const filters = { ...state.filters, ...patch.filters };
    for (const k of filterKeys) if (filters[k]) next.set(k, filters[k]!);
    const q = patch.q ?? state.q;
    if (q) next.set('q', q);
    const sort = patch.sort ?? state.sort;
    if (sort) next.set('sort', sort);
    const pageSize = patch.pageSize ?? state.pageSize;
    if (pageSize !== 20) next.set('pageSize', String(pageSize));
    const page = patch.page ?? 1;
    if (page > 1) next.set('page', String(page));
    const qs = next.toString();
    navigate(`${path}${qs ? `?${qs}` : ''}`);
  };
  /** The query the server is asked: the URL's, with the defaults left out. */
  const request = {
    ...state.filters,
    page: state.page,
    pageSize: state.pageSize,
    ...(state.q ? { q: state.q } : {}),
    ...(state.sort ? { sort: state.sort } : {}),
  };
  return { state, set, request };
}

export interface FilterSpec {
  key: string;
  label: string;
  options: { value: string; label: string }[];
  width?: number;
}

/** The search box, the filter selects and the sort: each change a new URL (and so a new page 1). */
export function ListToolbar({
  state,
  set,
  placeholder,
  filters,
  sorts,
}: {
  state: ListState;
  set: ReturnType<typeof useListState>['set'];
  placeholder: string;
  filters: FilterSpec[];
  sorts: { value: string; label: string }[];
}) {
  const [text, setText] = useState(state.q);
  useEffect(() => setText(state.q), [state.q]);
  const active = Object.keys(state.filters).length > 0 || state.q !== '';
  return (
    <Space wrap style={{ marginBottom: 12 }}>
      <Input.Search
        allowClear
        style={{ width: 300 }}
        placeholder={placeholder}
        aria-label={t('搜索')}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onSearch={(v) => set({ q: v.trim() })}
        enterButton={t('搜索')}
      />
      {filters.map((f) => (
        <Select
          key={f.key}
          allowClear
          showSearch
          optionFilterProp="label"
          style={{ width: f.width ?? 150 }}
          placeholder={f.label}
          aria-label={f.label}
          value={state.filters[f.key] || undefined}
          onChange={(v?: string) => set({ filters: { [f.key]: v } })}
          options={f.options}
          popupMatchSelectWidth={false}
        />
      ))}
      <Select
        style={{ width: 160 }}
        aria-label={t('排序')}
        value={state.sort || sorts[0]?.value}
        onChange={(v: string) => set({ sort: v === sorts[0]?.value ? '' : v })}
        options={sorts}
      />
      {active && (
        <Button
          type="link"
          onClick={() => set({ q: '', filters: Object.fromEntries(filters.map((f) => [f.key, undefined])) })}
        >
          {t('清除搜索和筛选')}
        </Button>
      )}
    </Space>
  );
}

/** "共 N 条", or "约 N 条" when the server estimated a large total. */
export const totalText = (total: number, exact: boolean) =>
  exact ? t('共 {n} 条', { n: total }) : t('约 {n} 条', { n: total.toLocaleString() });

interface Page<T> {
  items: T[];
  total: number;
  exact: boolean;
}

/** The table of one server page: paging in the URL, a skeleton before the first answer, an empty state that helps. */
export function ListTable<T extends object>({
  data,
  loading,
  error,
  state,
  set,
  emptyText,
  ...table
}: Omit<TableProps<T>, 'dataSource' | 'pagination' | 'loading'> & {
  data: Page<T> | null;
  loading: boolean;
  error: string | null;
  state: ListState;
  set: ReturnType<typeof useListState>['set'];
  emptyText: string;
}) {
  if (error && !data) return <Alert type="error" showIcon title={error} />;
  if (!data) return <Skeleton active paragraph={{ rows: 8 }} />;
  const filtered = Object.keys(state.filters).length > 0 || state.q !== '';
  return (
    <>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Table<T>
        {...table}
        size="small"
        loading={loading}
        dataSource={data.items}
        locale={{
          emptyText: (
            <Empty
              description={
                filtered
                  ? t('没有符合条件的记录：请换个搜索词，或清除筛选条件')
                  : state.page > 1
                    ? t('这一页没有记录：请回到第一页')
                    : emptyText
              }
            />
          ),
        }}
        pagination={{
          current: state.page,
          pageSize: state.pageSize,
          // The server pages up to MAX_OFFSET rows deep; the total shown is the real one.
          total: Math.min(data.total, MAX_OFFSET + state.pageSize),
          showTotal: () => totalText(data.total, data.exact),
          showSizeChanger: true,
          pageSizeOptions: PAGE_SIZES,
          onChange: (page, pageSize) => (pageSize !== state.pageSize ? set({ pageSize }) : set({ page, pageSize })),
        }}
      />
    </>
  );
}

/** The years a list may be filtered by: this year back to 2008 (条例 of 2007 in force). */
export function yearOptions(from = 2008) {
  const now = new Date().getFullYear();
  return Array.from({ length: now - from + 1 }, (_, i) => {
    const y = String(now - i);
    return { value: y, label: t('{year}年', { year: y }) };
  });
}
