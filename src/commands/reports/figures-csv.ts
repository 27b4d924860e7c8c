import { parseCsv } from '../../domain/csv.ts';
import { AppError } from '../../domain/errors.ts';
import { FORMATS, type ReportVersion } from '../../domain/report/index.ts';

/**
 * Yearly figures from other systems as CSV, with the report's printed labels:
 *   信息内容,列,数值
 *   行政许可,本年处理决定数量,1234
 * Validated whole: any bad row and nothing is saved.
 */
export function figuresFromCsv(version: ReportVersion, text: string) {
  const rows = parseCsv(text);
  const f = FORMATS[version];
  const figures: Record<string, Record<string, number | string>> = {};
  const errors: { row: number; message: string }[] = [];
  rows.forEach((r, i) => {
    if (i === 0 && r[0]?.trim() === '信息内容') return;
    const [itemLabel = '', colLabel = '', raw = ''] = r.map((x) => x.trim());
    const item = f.proactive.find((p) => p.label === itemLabel || p.aliases?.includes(itemLabel));
    if (!item || item.key === 'rules' || item.key === 'normative_documents') {
      errors.push({
        row: i + 1,
        message: `“${itemLabel}”不是${version}年版格式中由其他系统提供的项目（规章、规范性文件由目录统计）`,
      });
      return;
    }
    const col = item.columns.find((c) => c.label === colLabel);
    if (!col) {
      errors.push({
        row: i + 1,
        message: `“${itemLabel}”没有“${colLabel}”一列，应为：${item.columns.map((c) => c.label).join('、')}`,
      });
      return;
    }
    const n = Number(raw.replace(/,/g, ''));
    const ok =
      col.kind === 'text'
        ? raw !== ''
        : col.kind === 'decimal'
          ? Number.isFinite(n) && n >= 0
          : col.kind === 'signed'
            ? Number.isInteger(n)
            : Number.isInteger(n) && n >= 0;
    if (!ok || raw === '') {
      errors.push({ row: i + 1, message: `“${itemLabel}·${colLabel}”的数值“${raw}”不正确` });
      return;
    }
    figures[item.key] = { ...figures[item.key], [col.key]: col.kind === 'text' ? raw : n };
  });
  if (errors.length) throw new AppError('invalid', `导入未执行：共 ${errors.length} 处错误`, { errors });
  return figures;
}
