import { APPLICANT_TYPE_LABELS, APPLICANT_TYPES, FORM_LABELS, FORMS, ID_TYPES } from '../../domain/case/index.ts';
import type { T } from './i18n.ts';
import { html, type SafeHtml } from './layout.ts';

export interface ApplyFormState {
  values: Record<string, string>;
  errors: { path: string; message: string }[];
  agencies: { name: string; creditCode: string }[];
  formToken: string;
}

/** The id of a field's control: `applicant.name` → `f-applicant-name` (the error summary links to it). */
export const fieldId = (name: string) => `f-${name.replace(/\./g, '-')}`;

interface FieldOpts {
  type?: string;
  required?: boolean;
  /** Required for one kind of applicant only: marked, but not `required` for the browser. */
  requiredFor?: string;
  hint?: string;
  autocomplete?: string;
}

function label(id: string, text: string, o: FieldOpts): SafeHtml {
  return html`<label for="${id}">${text}${o.required || o.requiredFor ? html`<span class="req" aria-hidden="true">*</span>` : ''}${o.requiredFor ? html` <span class="req-for">${o.requiredFor}</span>` : ''}</label>`;
}

function described(id: string, err: unknown, hint: unknown): SafeHtml {
  const ids = [hint ? `${id}-hint` : '', err ? `${id}-err` : ''].filter(Boolean).join(' ');
  return html`${err ? html` aria-invalid="true"` : ''}${ids ? html` aria-describedby="${ids}"` : ''}`;
}

function after(id: string, err: { message: string } | undefined, hint?: string): SafeHtml {
  return html`${hint ? html`<p class="hint" id="${id}-hint">${hint}</p>` : ''}${err ? html`<p class="error" id="${id}-err">${err.message}</p>` : ''}`;
}

function field(text: string, name: string, s: ApplyFormState, o: FieldOpts = {}): SafeHtml {
  const err = s.errors.find((e) => e.path === name);
  const id = fieldId(name);
  return html`<div class="field${err ? ' has-error' : ''}">${label(id, text, o)}
<input id="${id}" name="${name}" type="${o.type ?? 'text'}" value="${s.values[name] ?? ''}"${o.required ? html` required aria-required="true"` : ''}${o.autocomplete ? html` autocomplete="${o.autocomplete}"` : ''}${described(id, err, o.hint)}>
${after(id, err, o.hint)}</div>`;
}

function select(text: string, name: string, s: ApplyFormState, options: [string, string][], o: FieldOpts = {}) {
  const err = s.errors.find((e) => e.path === name);
  const id = fieldId(name);
  return html`<div class="field${err ? ' has-error' : ''}">${label(id, text, o)}
<select id="${id}" name="${name}"${o.required ? html` required aria-required="true"` : ''}${described(id, err, o.hint)}>
${options.map(([v, l]) => html`<option value="${v}"${s.values[name] === v ? html` selected` : ''}>${l}</option>`)}
</select>
${after(id, err, o.hint)}</div>`;
}

/** The error summary at the top: each message a link to its field (GOV.UK pattern), focusable by the skip order. */
function errorSummary(t: T, s: ApplyFormState): SafeHtml {
  if (!s.errors.length) return html``;
  return html`<div class="alert error-summary" role="alert" aria-labelledby="err-h" tabindex="-1" id="errors"><h2 id="err-h">${t('提交未成功，请修改以下内容：')}</h2><ul>${s.errors.map((e) => html`<li>${e.path ? html`<a href="#${fieldId(e.path)}">${e.message}</a>` : e.message}</li>`)}</ul></div>`;
}

/** 政府信息公开申请表 (条例第二十九条): works without JavaScript; a refused form comes back as it was typed. */
export function applyForm(t: T, s: ApplyFormState): SafeHtml {
  const descErr = s.errors.find((e) => e.path === 'description');
  const consentErr = s.errors.find((e) => e.path === 'consent');
  const citizen = t('公民必填');
  const org = t('法人或其他组织必填');
  return html`<h1>${t('政府信息公开申请')}</h1>
<p>${t('依据《中华人民共和国政府信息公开条例》第二十七条、第二十九条，您可以通过本表向行政机关申请获取政府信息。')} ${t('带 * 的为必填项。')}</p>
${errorSummary(t, s)}
<form method="post" action="/apply${t.locale === 'en' ? '?lang=en' : ''}" novalidate class="apply">
<input type="hidden" name="formToken" value="${s.formToken}">
<fieldset><legend>${t('受理机关')}</legend>
${select(t('向哪个机关申请'), 'agency', s, [['', t('请选择')], ...s.agencies.map((a): [string, string] => [a.creditCode, a.name])], { required: true })}
</fieldset>
<fieldset><legend>${t('申请人信息')}</legend>
${select(
  t('申请人类型'),
  'applicant.type',
  s,
  APPLICANT_TYPES.map((k): [string, string] => [
    k,
    k === 'natural_person' ? t('公民（自然人）') : `${t('法人或其他组织：')}${t(APPLICANT_TYPE_LABELS[k])}`,
  ]),
  { required: true },
)}
${field(t('姓名或名称'), 'applicant.name', s, { required: true, autocomplete: 'name' })}
</fieldset>
<fieldset><legend>${t('身份证明')}</legend>
<p class="hint">${t('《条例》第二十九条：申请人应当提供身份证明。公民填写身份证件，法人或其他组织填写统一社会信用代码。')}</p>
${select(t('证件类型'), 'applicant.idType', s, [['', t('请选择')], ...ID_TYPES.map((k): [string, string] => [k, t(k)])], { requiredFor: citizen })}
${field(t('证件号码'), 'applicant.idNumber', s, { requiredFor: citizen, autocomplete: 'off' })}
${field(t('统一社会信用代码'), 'applicant.creditCode', s, { requiredFor: org, autocomplete: 'off' })}
${field(t('联系人（法人或其他组织填写）'), 'applicant.contactPerson', s)}
</fieldset>
<fieldset><legend>${t('联系方式')}<span class="req" aria-hidden="true">*</span></legend>
<p class="hint">${t('《条例》第二十九条：申请人应当提供联系方式。请至少填写电话、电子邮箱、通信地址中的一项。')}</p>
${field(t('联系电话'), 'applicant.phone', s, { type: 'tel', autocomplete: 'tel' })}
${field(t('电子邮箱'), 'applicant.email', s, { type: 'email', autocomplete: 'email', hint: t('填写后，办理进展将通过电子邮件通知您') })}
${field(t('通信地址'), 'applicant.address', s, { autocomplete: 'street-address' })}
${field(t('邮政编码'), 'applicant.postcode', s, { autocomplete: 'postal-code' })}
</fieldset>
<fieldset><legend>${t('所需政府信息')}</legend>
<div class="field${descErr ? ' has-error' : ''}">${label('f-description', t('所需政府信息的名称、文号或者便于查询的其他特征性描述'), { required: true })}
<textarea id="f-description" name="description" rows="6" required aria-required="true"${described('f-description', descErr, true)}>${s.values.description ?? ''}</textarea>
${after('f-description', descErr, t('《条例》第二十九条：写明信息的名称、文号，或者时间、机关、事项等便于查询的特征，至少5个字。'))}</div>
${select(
  t('获取信息的方式'),
  'form',
  s,
  FORMS.map((f): [string, string] => [f, t(FORM_LABELS[f])]),
  { required: true },
)}
${field(t('获取信息的途径（如邮寄地址、自行领取）'), 'delivery', s)}
</fieldset>
<fieldset class="privacy${consentErr ? ' has-error' : ''}"><legend>${t('个人信息保护')}</legend>
<div class="notice" id="privacy-notice">
<p>${t('您填写的姓名、证件号码和联系方式只用于办理本次申请：核实申请人身份（《条例》第二十九条）、送达告知书和答复、通知办理进展。')}</p>
<p>${t('这些信息依照《中华人民共和国个人信息保护法》处理：加密保存，列表中只显示部分字符，只有受理机关经授权的工作人员因办理需要才能查看完整信息，每次查看都有记录；不公开，不向第三方提供，不用于其他目的。')}</p>
</div>
<div class="field check"><input type="checkbox" id="f-consent" name="consent" value="1"${s.values.consent === '1' ? html` checked` : ''} required aria-required="true" aria-describedby="privacy-notice${consentErr ? ' f-consent-err' : ''}"${consentErr ? html` aria-invalid="true"` : ''}>
<label for="f-consent">${t('我已阅读上述个人信息保护说明，同意为办理本申请处理我的个人信息')}<span class="req" aria-hidden="true">*</span></label>
${after('f-consent', consentErr)}</div>
</fieldset>
<p><button type="submit" class="primary">${t('提交申请')}</button></p>
</form>`;
}

/** Turns a flat urlencoded form (applicant.name=…) into the API body; the page's own fields stay out. */
export function formToBody(form: Record<string, string>) {
  const applicant: Record<string, string> = {};
  const body: Record<string, unknown> = { applicant };
  for (const [k, v] of Object.entries(form)) {
    const value = typeof v === 'string' ? v.trim() : '';
    if (!value || k === 'formToken' || k === 'consent') continue;
    if (k.startsWith('applicant.')) applicant[k.slice(10)] = value;
    else body[k] = value;
  }
  return body;
}
