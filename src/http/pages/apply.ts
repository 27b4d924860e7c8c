import { APPLICANT_TYPE_LABELS, APPLICANT_TYPES, FORM_LABELS, FORMS, ID_TYPES } from '../../domain/case/index.ts';
import type { T } from './i18n.ts';
import { html, type SafeHtml } from './layout.ts';

export interface ApplyFormState {
  values: Record<string, string>;
  errors: { path: string; message: string }[];
  agencies: { name: string; creditCode: string }[];
  formToken: string;
}

function field(
  label: string,
  name: string,
  s: ApplyFormState,
  opts: { type?: string; required?: boolean; hint?: string; autocomplete?: string } = {},
): SafeHtml {
  const err = s.errors.find((e) => e.path === name || e.path === name.replace('applicant.', 'applicant.'));
  const id = `f-${name.replace('.', '-')}`;
  return html`<div class="field${err ? ' has-error' : ''}">
<label for="${id}">${label}${opts.required ? html`<span class="req" aria-hidden="true">*</span>` : ''}</label>
<input id="${id}" name="${name}" type="${opts.type ?? 'text'}" value="${s.values[name] ?? ''}"${opts.required ? html` required aria-required="true"` : ''}${opts.autocomplete ? html` autocomplete="${opts.autocomplete}"` : ''}${err ? html` aria-invalid="true" aria-describedby="${id}-err"` : ''}>
${opts.hint ? html`<p class="hint">${opts.hint}</p>` : ''}
${err ? html`<p class="error" id="${id}-err">${err.message}</p>` : ''}
</div>`;
}

function select(
  label: string,
  name: string,
  s: ApplyFormState,
  options: [string, string][],
  required = true,
): SafeHtml {
  const err = s.errors.find((e) => e.path === name);
  const id = `f-${name.replace('.', '-')}`;
  return html`<div class="field${err ? ' has-error' : ''}">
<label for="${id}">${label}${required ? html`<span class="req" aria-hidden="true">*</span>` : ''}</label>
<select id="${id}" name="${name}"${required ? html` required` : ''}${err ? html` aria-invalid="true" aria-describedby="${id}-err"` : ''}>
${options.map(([v, l]) => html`<option value="${v}"${s.values[name] === v ? html` selected` : ''}>${l}</option>`)}
</select>
${err ? html`<p class="error" id="${id}-err">${err.message}</p>` : ''}
</div>`;
}

/** 政府信息公开申请表 (条例第二十九条): works without JavaScript. */
export function applyForm(t: T, s: ApplyFormState): SafeHtml {
  return html`<h1>${t('政府信息公开申请')}</h1>
<p>${t('依据《中华人民共和国政府信息公开条例》第二十七条、第二十九条，您可以通过本表向行政机关申请获取政府信息。')} ${t('带 * 的为必填项。')}</p>
${s.errors.length ? html`<div class="alert" role="alert"><h2>${t('提交未成功，请修改以下内容：')}</h2><ul>${s.errors.map((e) => html`<li>${e.message}</li>`)}</ul></div>` : ''}
<form method="post" action="/apply" novalidate>
<input type="hidden" name="formToken" value="${s.formToken}">
<fieldset><legend>${t('受理机关')}</legend>
${select(t('向哪个机关申请'), 'agency', s, [['', t('请选择')], ...s.agencies.map((a): [string, string] => [a.creditCode, a.name])])}
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
)}
${field(t('姓名或名称'), 'applicant.name', s, { required: true, autocomplete: 'name' })}
${select(t('证件类型（公民填写）'), 'applicant.idType', s, [['', t('请选择')], ...ID_TYPES.map((k): [string, string] => [k, t(k)])], false)}
${field(t('证件号码（公民填写）'), 'applicant.idNumber', s)}
${field(t('统一社会信用代码（法人或其他组织填写）'), 'applicant.creditCode', s)}
${field(t('联系人（法人或其他组织填写）'), 'applicant.contactPerson', s)}
${field(t('联系电话'), 'applicant.phone', s, { type: 'tel', autocomplete: 'tel' })}
${field(t('电子邮箱'), 'applicant.email', s, { type: 'email', autocomplete: 'email', hint: t('填写后，办理进展将通过电子邮件通知您') })}
${field(t('通信地址'), 'applicant.address', s, { autocomplete: 'street-address' })}
${field(t('邮政编码'), 'applicant.postcode', s, { autocomplete: 'postal-code' })}
</fieldset>
<fieldset><legend>${t('所需政府信息')}</legend>
<div class="field${s.errors.some((e) => e.path === 'description') ? ' has-error' : ''}">
<label for="f-description">${t('所需政府信息的名称、文号或者便于查询的其他特征性描述')}<span class="req" aria-hidden="true">*</span></label>
<textarea id="f-description" name="description" rows="6" required>${s.values.description ?? ''}</textarea>
</div>
${select(
  t('获取信息的方式'),
  'form',
  s,
  FORMS.map((f): [string, string] => [f, t(FORM_LABELS[f])]),
)}
${field(t('获取信息的途径（如邮寄地址、自行领取）'), 'delivery', s)}
</fieldset>
<p><button type="submit" class="primary">${t('提交申请')}</button></p>
</form>`;
}

/** Turns a flat urlencoded form (applicant.name=…) into the API body. */
export function formToBody(form: Record<string, string>) {
  const applicant: Record<string, string> = {};
  const body: Record<string, unknown> = { applicant };
  for (const [k, v] of Object.entries(form)) {
    const value = typeof v === 'string' ? v.trim() : '';
    if (!value || k === 'formToken') continue;
    if (k.startsWith('applicant.')) applicant[k.slice(10)] = value;
    else body[k] = value;
  }
  return body;
}
