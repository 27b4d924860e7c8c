import { TableKit } from '@tiptap/extension-table';
import { EditorContent, useEditor, useEditorState } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { Button, Divider, Space, Tooltip } from 'antd';
import { useEffect, useRef } from 'react';
import { t } from '../../i18n.ts';

/**
 * 正文 as rich text (Tiptap), loaded on its own (React.lazy: a separate chunk) so the console's first load stays
 * small. It offers only what the server's sanitiser keeps (commands/catalogue/item-input.ts: h2–h4, bold, italic,
 * underline, lists, quotes, tables, links): what the officer sees is what is saved and what the portal shows.
 */

const CSS = `
.gk-rich-area .ProseMirror { min-height: 260px; max-height: 560px; overflow-y: auto; padding: 8px 12px; outline: none; line-height: 1.8; }
.gk-rich-area .ProseMirror:focus-visible { box-shadow: inset 0 0 0 2px #91caff; }
.gk-rich-area .ProseMirror p { margin: 0 0 8px; }
.gk-rich-area .ProseMirror h2, .gk-rich-area .ProseMirror h3, .gk-rich-area .ProseMirror h4 { margin: 12px 0 8px; }
.gk-rich-area .ProseMirror table { border-collapse: collapse; margin: 8px 0; width: 100%; table-layout: fixed; }
.gk-rich-area .ProseMirror td, .gk-rich-area .ProseMirror th { border: 1px solid #bfbfbf; padding: 4px 8px; vertical-align: top; position: relative; }
.gk-rich-area .ProseMirror th { background: #fafafa; font-weight: 600; }
.gk-rich-area .ProseMirror .selectedCell::after { content: ''; position: absolute; inset: 0; background: rgba(22,119,255,.12); pointer-events: none; }
.gk-rich-area .ProseMirror blockquote { border-left: 3px solid #d9d9d9; margin: 8px 0; padding-left: 12px; color: #595959; }
.gk-rich-area .ProseMirror a { color: #1677ff; text-decoration: underline; }
.ant-form-item-has-error .gk-rich-area { border-color: #ff4d4f !important; }
.gk-rich-area.compact .ProseMirror { min-height: 120px; max-height: 420px; }
.gk-rich-area[data-disabled='true'] { background: #f5f5f5; color: rgba(0,0,0,.45); }
`;

interface Props {
  value?: string;
  onChange?: (html: string) => void;
  disabled?: boolean;
  id?: string;
  /** The text box's accessible name (default 正文). */
  label?: string;
  /** A shorter box, for forms with several editors (the 指南's sections). */
  compact?: boolean;
}

export default function RichEditor({ value = '', onChange, disabled = false, id, label, compact = false }: Props) {
  /** The HTML this editor last reported: a value that differs came from outside (从Word导入, a reload). */
  const reported = useRef(value);
  const editor = useEditor({
    extensions: [
      StarterKit.configure({
        heading: { levels: [2, 3, 4] },
        code: false,
        codeBlock: false,
        strike: false,
        horizontalRule: false,
        link: { openOnClick: false, autolink: true, protocols: ['http', 'https', 'mailto'] },
      }),
      TableKit.configure({ table: { resizable: false } }),
    ],
    content: value,
    editable: !disabled,
    editorProps: {
      attributes: { 'aria-label': label ?? t('正文'), 'aria-multiline': 'true', role: 'textbox' },
    },
    onUpdate: ({ editor: e }) => {
      // The empty paragraph the editor keeps after a last list or table (for the cursor) is not the body's.
      const html = e.isEmpty ? '' : e.getHTML().replace(/(<p><\/p>)+$/, '');
      reported.current = html;
      onChange?.(html);
    },
  });
  useEffect(() => {
    if (!editor || value === reported.current) return;
    reported.current = value;
    editor.commands.setContent(value, { emitUpdate: false });
  }, [editor, value]);
  useEffect(() => {
    editor?.setEditable(!disabled);
  }, [editor, disabled]);
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      h2: e.isActive('heading', { level: 2 }),
      h3: e.isActive('heading', { level: 3 }),
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
      underline: e.isActive('underline'),
      bullet: e.isActive('bulletList'),
      ordered: e.isActive('orderedList'),
      quote: e.isActive('blockquote'),
      table: e.isActive('table'),
      undo: e.can().undo(),
      redo: e.can().redo(),
    }),
  });
  const chain = () => editor.chain().focus();
  const tool = (label: string, active: boolean, run: () => unknown, enabled = true, tip?: string) => (
    <Tooltip title={tip ?? label} key={label}>
      <Button
        size="small"
        type={active ? 'primary' : 'text'}
        aria-pressed={active}
        autoInsertSpace={false}
        disabled={disabled || !enabled}
        onMouseDown={(e) => e.preventDefault()}
        onClick={() => run()}
      >
        {label}
      </Button>
    </Tooltip>
  );
  return (
    <div
      id={id}
      className={compact ? 'gk-rich-area compact' : 'gk-rich-area'}
      data-disabled={disabled}
      style={{ border: '1px solid #d9d9d9', borderRadius: 6, background: '#fff' }}
    >
      <style>{CSS}</style>
      <Space
        wrap
        size={2}
        role="toolbar"
        aria-label={t('格式工具栏')}
        style={{ padding: 4, borderBottom: '1px solid #f0f0f0', width: '100%' }}
      >
        {tool(t('标题'), !!state?.h2, () => chain().toggleHeading({ level: 2 }).run(), true, t('标题（二级）'))}
        {tool(t('小标题'), !!state?.h3, () => chain().toggleHeading({ level: 3 }).run(), true, t('小标题（三级）'))}
        <Divider type="vertical" />
        {tool(t('加粗'), !!state?.bold, () => chain().toggleBold().run())}
        {tool(t('斜体'), !!state?.italic, () => chain().toggleItalic().run())}
        {tool(t('下划线'), !!state?.underline, () => chain().toggleUnderline().run())}
        <Divider type="vertical" />
        {tool(t('列表'), !!state?.bullet, () => chain().toggleBulletList().run(), true, t('无序列表'))}
        {tool(t('编号'), !!state?.ordered, () => chain().toggleOrderedList().run(), true, t('有序列表'))}
        {tool(t('引用'), !!state?.quote, () => chain().toggleBlockquote().run())}
        <Divider type="vertical" />
        {tool(
          t('表格'),
          false,
          () => chain().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run(),
          !state?.table,
          t('插入 3×3 表格'),
        )}
        {state?.table && tool(t('加一行'), false, () => chain().addRowAfter().run())}
        {state?.table && tool(t('加一列'), false, () => chain().addColumnAfter().run())}
        {state?.table && tool(t('删除行'), false, () => chain().deleteRow().run())}
        {state?.table && tool(t('删除列'), false, () => chain().deleteColumn().run())}
        {state?.table && tool(t('删除表格'), false, () => chain().deleteTable().run())}
        <Divider type="vertical" />
        {tool(t('撤销'), false, () => chain().undo().run(), !!state?.undo)}
        {tool(t('重做'), false, () => chain().redo().run(), !!state?.redo)}
      </Space>
      <EditorContent editor={editor} />
    </div>
  );
}
