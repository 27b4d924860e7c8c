/** English of the application form's 条例第二十九条 parts, its 个人信息保护 notice and the tracking timeline. */
export const EN_APPLY: Record<string, string> = {
  公民必填: 'required for citizens',
  法人或其他组织必填: 'required for organisations',
  身份证明: 'Proof of identity',
  '《条例》第二十九条：申请人应当提供身份证明。公民填写身份证件，法人或其他组织填写统一社会信用代码。':
    'Article 29: an applicant gives proof of identity. Citizens give an ID document; organisations give their unified social credit code.',
  证件类型: 'ID document type',
  证件号码: 'ID document number',
  统一社会信用代码: 'Unified social credit code',
  联系方式: 'Contact details',
  '《条例》第二十九条：申请人应当提供联系方式。请至少填写电话、电子邮箱、通信地址中的一项。':
    'Article 29: an applicant gives a way to be contacted. Give at least one of telephone, email or postal address.',
  '《条例》第二十九条：写明信息的名称、文号，或者时间、机关、事项等便于查询的特征，至少5个字。':
    'Article 29: give the title or document number, or features that help find it (time, agency, matter): at least 5 characters.',
  个人信息保护: 'Personal information',
  '您填写的姓名、证件号码和联系方式只用于办理本次申请：核实申请人身份（《条例》第二十九条）、送达告知书和答复、通知办理进展。':
    'Your name, ID number and contact details are used only to handle this request: to confirm who is asking (Article 29), to deliver letters and the reply, and to tell you of progress.',
  '这些信息依照《中华人民共和国个人信息保护法》处理：加密保存，列表中只显示部分字符，只有受理机关经授权的工作人员因办理需要才能查看完整信息，每次查看都有记录；不公开，不向第三方提供，不用于其他目的。':
    'They are handled under the Personal Information Protection Law: stored encrypted, shown masked in lists, seen in full only by authorised staff of the agency when handling the request (every view is recorded); never published, never given to third parties, never used for anything else.',
  '我已阅读上述个人信息保护说明，同意为办理本申请处理我的个人信息':
    'I have read the notice above and agree to my personal information being processed to handle this request',
  请阅读个人信息保护说明并勾选同意: 'Please read the personal information notice and tick to agree',
  办理过程: 'Steps so far',
  '答复期限：{date}': 'Reply due: {date}',
  结束查询: 'End this look-up',
  '在公共电脑上查询后，请结束查询。': 'On a shared computer, end the look-up when you are done.',
};
