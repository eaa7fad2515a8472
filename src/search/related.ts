/**
 * Related words that need no writer: what customers of any help center say for the states and
 * actions FAQ answers describe. Each group holds words that can stand for one another in a
 * question; a query containing one also looks for the others, weighted below the words typed
 * (`WEIGHTS.builtin`). A site's `_search/synonyms.yml` adds its own words and overrides these: a
 * word it lists takes the writer's meaning only.
 *
 * Only near-synonyms belong here, never related topics (退款 and 发票 are not the same question).
 */
export const NEAR_SYNONYMS: string[][] = [
  // failing, not passing
  ["失败", "不成功", "没成功", "未成功", "不通过", "没通过", "未通过", "过不了", "通不过", "没过", "不行"],
  ["报错", "出错", "错误", "提示错误", "异常"],
  // being unable to
  ["无法", "不能", "不了", "没法", "没办法", "不可以", "用不了"],
  // changing
  ["修改", "更改", "变更", "更换", "改", "换", "调整"],
  // removing, undoing
  ["删除", "删掉", "删", "移除", "去掉", "清除"],
  ["取消", "撤销", "撤回", "退订"],
  ["注销", "销户", "销号"],
  ["解除", "解绑", "取消绑定"],
  ["关闭", "关掉", "停用", "禁用"],
  ["开启", "打开", "启用", "开通"],
  // durations and time
  ["到账", "到帐", "退回"],
  // buying and paying
  ["购买", "买", "开通", "下单", "订购"],
  ["费用", "价格", "收费", "计费", "多少钱", "要钱", "付费", "价钱", "花钱", "扣费", "掏钱", "便宜"],
  ["免费", "不要钱", "不收费", "免费额度"],
  ["退款", "退费", "退钱"],
  ["续费", "续期", "续订"],
  ["到期", "过期"],
  ["欠费", "没钱", "余额不足"],
  ["发票", "开票"],
  // performance
  ["卡顿", "很卡", "卡", "不流畅", "不顺畅"],
  ["延迟", "延时", "很慢", "慢"],
  ["断开", "断线", "掉线", "断了"],
  ["网络不好", "网不好", "网络差", "网络不佳", "网速慢"],
  ["听不到", "听不见", "没声音", "没有声音"],
  ["看不到", "看不见"],
  // starting and stopping a machine
  ["关机", "停机"],
  ["开机", "启动"],
  // access
  ["登录", "登陆", "登入", "登不上", "登录不了"],
  ["访问", "打开", "进入"],
  ["忘记", "忘了", "找回"],
  ["重置", "重设"],
  // looking things up
  ["查看", "查询", "看", "查"],
  ["支持", "能用", "可以用", "兼容"],
  ["设置", "配置", "设定"],
  ["上传", "传"],
  ["下载", "导出"],
  ["迁移", "搬迁", "转移"],
  ["扩容", "升级", "升配"],
  ["缩容", "降配", "降级"],
  ["告警", "报警"],
  ["截图", "截屏"],
  ["攻击", "被打", "被攻击"],
  ["不足", "不够", "不够用"],
  ["超过", "超出", "超限", "超了"],
  ["邀请", "拉人"],
  ["批量", "一起"],
];

/**
 * Question words (where, why, when, how long, what differs, which, how many at most): they say what
 * kind of answer is wanted, not what it is about,
 * so a site lacking all of them may still answer (在哪里查看… where the answer says 在控制台…).
 */
export const QUESTION_WORDS: string[][] = [
  ["多久", "多长时间", "时长", "几天", "多少天", "多少时间", "要多久", "需要多久"],
  ["区别", "不同", "差异", "差别", "对比"],
  ["选择", "怎么选", "选哪个", "推荐"],
  ["限制", "上限", "限额", "最多", "最大"],
  ["在哪", "在哪里", "哪里", "位置", "入口"],
  ["原因", "为什么", "为啥", "怎么回事", "咋回事"],
  ["什么时候", "何时", "啥时候"],
];

/**
 * How often and how soon: near-synonyms that say how, not what happens, so a site lacking all of
 * them may still answer (人脸识别失败 想马上解决 on a page without 马上, 立即 or 尽快).
 */
export const MANNERS: string[][] = [
  ["总是", "老是", "一直", "经常", "频繁"],
  ["马上", "立即", "立刻", "尽快"],
];

/**
 * Things customers name in their own words: near-synonyms too, but no action or state, so a site
 * lacking all of them is no sign that it cannot answer (开通云服务器 on a page that says 云服务资源).
 */
export const NAMED_THINGS: string[][] = [
  ["密码", "口令"],
  ["客服", "工单", "人工"],
  ["账号", "账户", "帐号", "帐户"],
  ["手机号", "手机号码", "电话号码"],
  ["证件", "身份证"],
  ["服务器", "主机", "机器"],
  ["地域", "地区", "区域"],
  ["硬盘", "磁盘", "云盘"],
  ["麦克风", "话筒", "麦"],
  ["摄像头", "相机"],
  ["声音", "音频"],
  ["画面", "视频"],
  // platforms, as customers and SDK docs name them
  ["安卓", "android"],
  ["苹果", "ios", "iphone"],
  ["网页", "web", "h5"],
];

/**
 * Spoken question words rewritten as written ones (咋整 → 怎么办, 啥 → 什么): pure filler, which the
 * general-language weights then discount like any other.
 */
const SPOKEN_FILLER: [RegExp, string][] = [
  [/咋(?:办|整|弄|搞)/g, "怎么办"],
  [/(?:咋|怎么)回事/g, "为什么"],
  [/为啥/g, "为什么"],
  [/咋/g, "怎么"],
  [/啥/g, "什么"],
  // A-not-A questions (能不能, 会不会, 可不可以, 有没有) ask yes or no, as 是否 does.
  [/是不是/g, "是否"],
  [/(\p{Script=Han})[不没]\1/gu, "是否$1"],
];

export function rewriteSpokenFiller(text: string): string {
  return SPOKEN_FILLER.reduce((t, [pattern, written]) => t.replace(pattern, written), text);
}

/** A Chinese number before a measure word (五天, 两个, 十二小时): FAQs write these in digits (5天). */
const COUNTED = /([一二两三四五六七八九十百]+)(个|天|年|月|日|次|小时|分钟|秒|元|台|张|条|块|位|周|倍|核|路)/gu;
const DIGITS: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

export function chineseNumber(text: string): string {
  let total = 0;
  let digit = 0;
  for (const c of text) {
    if (c === "十" || c === "百") {
      total += (digit || 1) * (c === "十" ? 10 : 100);
      digit = 0;
    } else digit = DIGITS[c] ?? 0;
  }
  return String(total + digit);
}

/**
 * A Latin word to expand (of a built-in group or a writer's synonym) is found as a word only: not
 * the ios of bios, nor the web of webhook, but the ios of ios17. Han words anywhere.
 */
function wholeWord(query: string, at: number, word: string): boolean {
  if (!/[a-z0-9]/.test(word[0])) return true;
  return !/[a-z0-9]/.test(query[at - 1] ?? "") && !/[a-z]/.test(query[at + word.length] ?? "");
}

/**
 * Spoken "cannot" (删不掉 → 无法删): after any character for these endings; for 不通 and 不出 only
 * after a verb, since they follow nouns as often (网络不通, 验证码不出现, 审核不通过).
 */
const SPOKEN_UNABLE = [/(\p{Script=Han})不[掉了上到动开进去成]/gu, /([调打拨连建找查导做])不[通出]/gu];

/** Query expansions: each a phrase to look for in place of part of what was typed. */
export type Expansion = { from: number; to: number; phrase: string; weight: number; action?: boolean };

export const WEIGHTS = {
  /** A writer's synonym (`synonyms.yml`): nearly as good as the word typed. */
  synonym: 0.9,
  /** A spoken form rewritten (删不掉 → 无法删). */
  spoken: 0.8,
  /** A built-in near-synonym. */
  builtin: 0.6,
  /** A homophone of a typed word the content does not have (认症 → 认证). */
  homophone: 0.75,
} as const;

type Group = { words: string[]; weight: number; action?: boolean };

/**
 * The expansion table of a site: writer synonyms (`[alias, canonical]`, normalized) over the
 * built-in groups.
 */
export function createExpander(synonyms: [string, string][], builtin = true) {
  const byWord = new Map<string, Group[]>();
  const add = (word: string, group: Group) => byWord.set(word, [...(byWord.get(word) ?? []), group]);
  const own = new Set(synonyms.flat());
  const groups = builtin ? [...NEAR_SYNONYMS.map((words) => ({ words, action: true })), ...[...QUESTION_WORDS, ...MANNERS, ...NAMED_THINGS].map((words) => ({ words, action: false }))] : [];
  for (const { words, action } of groups) {
    const group = { words: words.filter((w) => !own.has(w)), weight: WEIGHTS.builtin, action };
    for (const w of group.words) add(w, group);
  }
  const canonical = new Map<string, string[]>();
  for (const [alias, word] of synonyms) canonical.set(word, [...(canonical.get(word) ?? []), alias]);
  for (const [word, aliases] of canonical) {
    // A customer types an alias: look for the content's word. Typing the word itself finds it already.
    for (const alias of aliases) add(alias, { words: [word], weight: WEIGHTS.synonym });
  }
  const words = [...byWord.keys()].sort();

  /** Expansions of a normalized query: the other words of each group a typed word belongs to. */
  return function expand(query: string): Expansion[] {
    const out: Expansion[] = [];
    for (const word of words) {
      for (let at = query.indexOf(word); at !== -1; at = query.indexOf(word, at + 1)) {
        if (!wholeWord(query, at, word)) continue;
        for (const group of byWord.get(word)!) {
          for (const phrase of group.words) if (phrase !== word) out.push({ from: at, to: at + word.length, phrase, weight: group.weight, action: group.action });
        }
      }
    }
    if (!builtin) return out;
    for (const pattern of SPOKEN_UNABLE) {
      for (const m of query.matchAll(pattern)) out.push({ from: m.index, to: m.index + m[0].length, phrase: `无法${m[1]}`, weight: WEIGHTS.spoken });
    }
    for (const m of query.matchAll(COUNTED)) out.push({ from: m.index, to: m.index + m[0].length, phrase: chineseNumber(m[1]), weight: WEIGHTS.spoken });
    return out;
  };
}
