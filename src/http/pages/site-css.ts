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
`;
