/**
 * 救济途径 in a reply letter: 行政复议 within 60 days (行政复议法第二十条), 行政诉讼 within 6 months (行政诉讼法第四十六条).
 * Its own module so that what needs only this text (the event table, and through it the console) does not load
 * every letter template.
 */
export const APPEAL_NOTICE =
  '如对本答复不服，可以自收到本告知书之日起六十日内依法申请行政复议，或者自收到本告知书之日起六个月内依法向人民法院提起行政诉讼。';
