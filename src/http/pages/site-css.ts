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
.results.with-facets{display:grid;grid-template-columns:minmax(0,1fr) 17rem;gap:8px 32px}@media (max-width:720px){.results.with-facets{grid-template-columns:1fr}}
.facets section{margin:0 0 16px}.facets h2{font-size:1rem;margin:10px 0 4px}.facets ul{list-style:none;padding:0;margin:0}.facets li{padding:3px 0;font-size:.9rem}
p.sort{margin:0 0 4px}.empty a.drop{display:inline-block;margin:0 12px 4px 0}
.cols{display:grid;grid-template-columns:1fr 1fr;gap:24px}@media (max-width:720px){.cols{grid-template-columns:1fr}}
form.search{display:flex;flex-wrap:wrap;gap:8px 16px;align-items:flex-end}form.search .field{margin:0}form.search input,form.search select{min-width:12em}form.search input#q{min-width:min(22em,100%)}
.crumbs{font-size:.9rem;margin:12px 0}.pager{margin:16px 0;display:flex;gap:16px}
.sr-only{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
article .body{margin-top:16px}
table.report{font-size:.85rem;margin:8px 0 16px}table.report th,table.report td{text-align:center}.table-wrap{overflow-x:auto}
figure.chart{margin:12px 0}figure.chart svg{max-width:100%;height:auto}p.indent{text-indent:2em}
.kiosk-banner{background:#1f2328;color:#fff;margin:0;padding:6px 16px;text-align:center}
label.radio{display:inline-block;margin:0 12px 8px 0;font-weight:400;min-height:44px;padding:8px 0}label.radio input{width:1.2em;height:1.2em;vertical-align:-.2em}
.req-for{font-weight:400;color:var(--muted);font-size:.9rem}
.error-summary a{color:var(--accent);font-weight:600}.error-summary:focus{outline:3px solid #0969da}
.field.check{display:flex;gap:10px;align-items:flex-start;flex-wrap:wrap}.field.check input{width:1.4em;height:1.4em;margin-top:.25em;flex:none}.field.check label{flex:1;font-weight:600}.field.check .error{flex-basis:100%}
.privacy .notice{background:#f6f8fa;border-left:4px solid var(--link);padding:4px 12px;margin:0 0 12px}.privacy .notice p{margin:6px 0}
ol.timeline{list-style:none;padding:0 0 0 20px;border-left:3px solid var(--line);margin:8px 0 16px 8px}
ol.timeline li{position:relative;padding:4px 0 12px 12px}ol.timeline li::before{content:"";position:absolute;left:-29px;top:.6em;width:14px;height:14px;border-radius:50%;background:var(--accent)}
ol.timeline li.next::before{background:#fff;border:3px solid var(--accent)}ol.timeline time{display:inline-block;min-width:9em;font-weight:600}
button{min-height:44px;font:inherit;padding:8px 16px}
@media print{.site-header,.site-footer,.crumbs,.skip,.noprint,.kiosk-banner{display:none!important}body{font-size:12pt}main.wrap{max-width:none;padding:0}a{color:inherit;text-decoration:none}table.meta th{background:none}}
.site-header .wrap{display:flex;justify-content:space-between;align-items:center;flex-wrap:wrap;gap:8px}.modes a{color:#fff;margin-left:12px;display:inline-block;padding:8px 4px;min-height:44px}
.modes a.m-std{font-weight:700;text-decoration:none;border-bottom:3px solid #fff}.modes a .now{display:none;font-weight:400;font-size:.85em}.modes a.m-std .now{display:inline}
nav.column-nav{margin:8px 0 20px;border-bottom:3px solid var(--accent)}nav.column-nav ul{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap}
nav.column-nav li{margin:0}nav.column-nav a{display:block;padding:10px 16px;min-height:44px;text-decoration:none;font-weight:600;color:var(--fg)}nav.column-nav a:hover{background:#fbeaea}
nav.column-nav a[aria-current="page"]{background:var(--accent);color:#fff}
@media (max-width:720px){nav.column-nav ul{display:grid;grid-template-columns:1fr 1fr}nav.column-nav a{padding:10px 8px;border:1px solid var(--line)}}
.column-title{font-size:1.2rem;font-weight:700;margin:4px 0;color:var(--accent)}
ul.categories{list-style:none;padding:0;columns:2 22em;column-gap:32px}ul.categories li{padding:6px 0;border-bottom:1px dashed var(--line);break-inside:avoid}
.empty{color:var(--muted)}.count{color:var(--muted)}
figure.flow{margin:16px 0;padding:12px;background:#f6f8fa;border:1px solid var(--line)}figure.flow figcaption{font-weight:700;margin-bottom:8px}
ol.flow-steps{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:28px;counter-reset:s}
ol.flow-steps li{counter-increment:s;position:relative;flex:1 1 140px;background:#fff;border:2px solid var(--accent);border-radius:6px;padding:8px 10px}
ol.flow-steps li::before{content:counter(s);display:inline-block;width:1.6em;height:1.6em;border-radius:50%;background:var(--accent);color:#fff;text-align:center;margin-right:6px;font-weight:700}
ol.flow-steps li:not(:last-child)::after{content:"";position:absolute;right:-22px;top:50%;border:8px solid transparent;border-left:12px solid var(--accent);transform:translateY(-50%)}
ol.flow-steps li.branch{border-style:dashed}ol.flow-steps strong{display:inline}ol.flow-steps span{display:block;font-size:.9rem;color:var(--muted);margin-top:4px}
@media (max-width:720px){ol.flow-steps{flex-direction:column;gap:22px}ol.flow-steps li:not(:last-child)::after{right:auto;left:50%;top:auto;bottom:-22px;transform:translateX(-50%);border:8px solid transparent;border-top:12px solid var(--accent)}}
.guide-part h2{border-left:5px solid var(--accent);padding-left:10px;font-size:1.25rem}
ul.actions{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:12px}a.button{display:inline-block;padding:10px 20px;min-height:44px;border:2px solid var(--accent);border-radius:4px;font-weight:700;text-decoration:none;color:var(--accent)}
table.report-matrix td{text-align:center}table.report-matrix th[scope=row]{min-width:9em;text-align:left}.table-wrap:focus{outline:3px solid #0969da}
.site-footer ul.identity{list-style:none;padding:0;margin:0 0 6px;display:flex;flex-wrap:wrap;gap:4px 24px}.site-footer .k{font-weight:600}.site-footer p{margin:4px 0}
.sitemap ul{padding-left:1.2em}
.kiosk-warning{position:fixed;left:50%;top:30%;transform:translateX(-50%);z-index:20;background:#fff;border:4px solid var(--accent);padding:16px 24px;max-width:90vw;box-shadow:0 8px 32px rgba(0,0,0,.35);font-size:1.1rem}
body.kiosk ul.agencies a,body.kiosk section[aria-labelledby="services-h"] a{display:block;min-height:56px;padding:12px 8px;font-size:1.15em}body.kiosk button{min-height:56px}
@media (max-width:600px){figure.chart{overflow-x:auto}figure.chart svg{min-width:560px;max-width:none}table.report{min-width:640px}}figure.chart:focus{outline:3px solid #0969da}
@media (max-width:600px){table.meta:not(:has(thead)) :is(th,td){display:block;width:auto;border-width:0 1px}table.meta:not(:has(thead)) tr{display:block;border-top:1px solid var(--line)}table.meta:not(:has(thead)) th{padding-bottom:2px}table.meta:not(:has(thead)) tbody{border-bottom:1px solid var(--line);display:block}}
`;

/**
 * 长辈版 (适老化: 《互联网网站适老化通用设计规范》, 工信部 2021): every text larger — breadcrumbs, meta lines,
 * hints, tables and the footer too (relative sizes stay, the root grows) — more line and letter spacing,
 * targets at least 48 px, high contrast (dark text, underlined links), and the mode marked as the current one.
 */
export const LARGE_CSS = `
html{font-size:22px}body{font-size:1rem;line-height:2;letter-spacing:.03em}h1{font-size:1.6rem;line-height:1.5}h2{line-height:1.5}
:root{--fg:#000;--muted:#222;--link:#00307a;--line:#6e7781}
a{text-decoration-thickness:2px;text-underline-offset:4px}
.site-header a.brand{font-size:1.5rem}.crumbs,.hint,.req-for,ol.items .meta,.snippet,.site-footer,.count,.empty,ol.flow-steps span{font-size:1rem}
table.report{font-size:.95rem}th,td{padding:10px 12px}
.field input,.field select,.field textarea{font-size:1rem;padding:12px;min-height:52px;border:2px solid #333}
button,button.primary,a.button{font-size:1rem;min-height:52px;padding:12px 28px}
.modes a,nav.column-nav a,label.radio{min-height:52px}.field.check input,label.radio input{width:1.5em;height:1.5em}
ol.items li{padding:14px 0}p,li{margin-top:.4em;margin-bottom:.4em}
.modes a.m-std{font-weight:400;border-bottom:0}.modes a.m-std .now{display:none}
.modes a.m-large{font-weight:700;text-decoration:none;border-bottom:3px solid #fff}.modes a.m-large .now{display:inline}
`;
