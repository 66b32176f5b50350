// The clean view's user-facing strings. They come through opts.getMessage (browser.i18n in the
// extension); these simplified-Chinese defaults are used only when a key is missing (getMessage
// returns "" for unknown keys), so a half-updated locale file never shows an empty button.
export const READER_DEFAULTS: Record<string, string> = {
  reader_dialog_label: '清读阅读视图',
  reader_toolbar: '阅读视图工具栏',
  reader_back: '返回页面',
  reader_back_hint: '返回页面（Esc）',
  reader_script_label: '字形',
  reader_script_original: '原文',
  reader_script_cn: '简体',
  reader_script_t: '繁體',
  reader_script_tw: '臺灣正體',
  reader_script_twp: '臺灣用語',
  reader_script_hk: '香港繁體',
  reader_settings: '排版',
  reader_theme: '主题',
  reader_theme_system: '跟随系统',
  reader_theme_light: '白',
  reader_theme_sepia: '米黄',
  reader_theme_dark: '夜间',
  reader_font: '字体',
  reader_font_sans: '黑体',
  reader_font_serif: '宋体',
  reader_font_kai: '楷体',
  reader_font_size: '字号',
  reader_line_height: '行距',
  reader_width: '行宽',
  reader_smaller: '减小',
  reader_larger: '增大',
  reader_indent: '首行缩进',
  reader_vertical: '竖排',
  reader_copy_md: '复制 Markdown',
  reader_copy_text: '复制纯文本',
  reader_print: '打印',
  reader_copied_md: '已复制 Markdown',
  reader_copied_text: '已复制纯文本',
  reader_copy_failed: '复制失败',
  reader_convert_failed: '字形转换失败，显示原文',
  reader_summary: '摘要',
  reader_docinfo: '信息公开',
  reader_source: '来源',
  reader_published: '发布时间',
  reader_author: '作者',
  reader_editor: '编辑',
  reader_original_link: '原文链接',
  reader_image: '图片',
  reader_clone_warning: '此页面可能是 $1 的镜像副本',
  reader_reading_time: '约 $1 分钟读完',
  reader_empty: '没有找到正文。',
};

export type Translate = (key: string, subs?: string[]) => string;

export function makeTranslate(getMessage: (key: string, subs?: string[]) => string): Translate {
  return (key, subs) => {
    let s = '';
    try {
      s = getMessage(key, subs) || '';
    } catch {
      s = '';
    }
    if (!s) {
      s = READER_DEFAULTS[key] ?? key;
      (subs ?? []).forEach((v, i) => (s = s.split('$' + (i + 1)).join(v)));
    }
    return s;
  };
}
