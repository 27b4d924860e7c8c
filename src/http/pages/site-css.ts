export const SITE_CSS = `
:root{--fg:#1f2328;--muted:#57606a;--accent:#b31b1b;--link:#0b4f9c;--bg:#fff;--line:#d0d7de}
*{box-sizing:border-box}
body{margin:0;font-family:"Noto Sans SC","PingFang SC","Microsoft YaHei",sans-serif;color:var(--fg);background:var(--bg);line-height:1.7;font-size:16px}
a{color:var(--link)}
.wrap{max-width:1100px;margin:0 auto;padding:0 16px}
.skip{position:absolute;left:-9999px}.skip:focus{left:8px;top:8px;background:#fff;padding:4px 8px;z-index:10}
.site-header{background:var(--accent);color:#fff;padding:12px 0}
.site-header a.brand{color:#fff;font-size:1.4rem;font-weight:700;text-decoration:none}
.site-footer{border-top:1px solid var(--line);margin-top:40px;padding:16px 0;color:var(--muted);font-size:.9rem}
h1{font-size:1.6rem}
table{border-collapse:collapse;width:100%}
th,td{border:1px solid var(--line);padding:6px 8px;text-align:left}
ul.agencies{list-style:none;padding:0}ul.agencies li{padding:6px 0;border-bottom:1px dashed var(--line)}
fieldset{border:1px solid var(--line);padding:12px 16px;margin:0 0 16px}legend{font-weight:700;padding:0 6px}
.field{margin:0 0 12px}.field label{display:block;font-weight:600;margin-bottom:4px}
.field input,.field select,.field textarea{width:100%;max-width:560px;padding:8px;font:inherit;border:1px solid #8c959f;border-radius:4px}
.field input:focus,.field select:focus,.field textarea:focus,a:focus,button:focus{outline:3px solid #0969da;outline-offset:1px}
.hint{color:var(--muted);font-size:.9rem;margin:4px 0 0}.req{color:var(--accent);margin-left:2px}
.has-error input,.has-error select,.has-error textarea{border-color:var(--accent)}.error{color:var(--accent);margin:4px 0 0}
.alert{border:2px solid var(--accent);background:#fff5f5;padding:8px 16px;margin:0 0 16px}.alert h2{font-size:1.1rem;margin:4px 0}
.success{border:2px solid #1a7f37;background:#f0fff4;padding:8px 16px}
button.primary{background:var(--accent);color:#fff;border:0;padding:10px 24px;font:inherit;font-weight:700;border-radius:4px;cursor:pointer}
dl.receipt{display:grid;grid-template-columns:auto 1fr;gap:4px 16px}dl.receipt dt{font-weight:600}
table.meta th{width:10em;background:#f6f8fa}
ol.items{list-style:none;padding:0}ol.items li{padding:10px 0;border-bottom:1px solid var(--line)}ol.items .meta{display:block;color:var(--muted);font-size:.9rem}
.snippet{margin:4px 0 0;color:#333;font-size:.95rem}mark{background:#fff3b0;color:inherit}
.cols{display:grid;grid-template-columns:1fr 1fr;gap:24px}@media (max-width:720px){.cols{grid-template-columns:1fr}}
form.search{display:flex;flex-wrap:wrap;gap:8px 16px;align-items:flex-end}form.search .field{margin:0}form.search input,form.search select{min-width:12em}
.crumbs{font-size:.9rem;margin:12px 0}.pager{margin:16px 0;display:flex;gap:16px}
.sr-only{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
article .body{margin-top:16px}
table.report{font-size:.85rem;margin:8px 0 16px}table.report th,table.report td{text-align:center}.table-wrap{overflow-x:auto}
figure.chart{margin:12px 0}figure.chart svg{max-width:100%;height:auto}p.indent{text-indent:2em}
.kiosk-banner{background:#1f2328;color:#fff;margin:0;padding:6px 16px;text-align:center}
label.radio{display:inline-block;margin:0 12px 8px 0;font-weight:400}
@media print{.site-header,.site-footer,.crumbs,.skip,.noprint,.kiosk-banner{display:none!important}body{font-size:12pt}main.wrap{max-width:none;padding:0}a{color:inherit;text-decoration:none}table.meta th{background:none}}
.site-header .wrap{display:flex;justify-content:space-between;align-items:center;flex-wrap:wrap;gap:8px}.modes a{color:#fff;margin-left:12px}
`;

/** 长辈版: larger text and targets, more contrast; chosen with a cookie, served in the same stylesheet. */
export const LARGE_CSS = `
body{font-size:22px;line-height:1.9}h1{font-size:2rem}.site-header a.brand{font-size:1.8rem}
.field input,.field select,.field textarea{font-size:1.1em;padding:12px}button.primary{font-size:1.1em;padding:14px 32px}
:root{--muted:#333;--link:#003a80}ol.items .meta{font-size:1rem}
`;
