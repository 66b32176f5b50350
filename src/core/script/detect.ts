// Which script is a text in? Measured from frequent characters that exist in only one script
// (们/們, 这/這 ...), never from the page's `lang` attribute, which mirrors and CMSes get wrong.
import type { ScriptGuess } from '../types';

// Pairs at the same index. Only characters whose simplified form is not also an ordinary
// traditional character (no 后/後, 里/裡, 干/乾, 台/臺, 于/於, 着/著 ...), so each hit is evidence.
const SIMP =
  '们这说时对会过经动实现问题进两关开长门间东车书国学么还样产业没当点从区体头电应义务认级边为发个与万网设计员报党县镇乡组织领导华历机构让给记论议讲话语请读调谈证识济划统总农贸费资质购责贵阳陆队际随险处备气热爱观规视览亲钱银铁错场环选运远达连传优价众节药严广庆协单卫厅厂压参双变号启团图圆坚块声夺奋妇孙宝审宪宽层岁岛师带帮庄库废张弹强归录彻径忆忧怀态恋恶惊惯战扩扫扬执护担拥择挤挥损换据携摄敌数断无旧显晓暂术杀权条杨极枪标栏树桥检楼欢欧残毕汇汉汤沟泽洁测浅浓涛润涨渐湾满滚潜灭灯灵灾炉爷牵状犹独狮猎献画畅疗疯监盘矿码础确礼祸离积称稳穷窃竞笔简类粮紧红约纪纯纲纳纸线练细终绍结绕络绝继绩续维综编缘罗罚职联肃胜脑脚脸舰艺苏荣获营萧虽虾补装见觉订讨训许访评诉词译试诗诚该详误课谁谢贝负贡败货贯赵赶趋跃践踪轨转轮软轻载较辅辑输辞迁违迟递邮邻郑酱释针钟钢销锁锋锦键闭闯闲闻阅阶阴陈隐难雾页项顺须顾顿预频颜额风飞饭饮馆马驱验骑鱼鸟鸡黄龙';
const TRAD =
  '們這說時對會過經動實現問題進兩關開長門間東車書國學麼還樣產業沒當點從區體頭電應義務認級邊為發個與萬網設計員報黨縣鎮鄉組織領導華歷機構讓給記論議講話語請讀調談證識濟劃統總農貿費資質購責貴陽陸隊際隨險處備氣熱愛觀規視覽親錢銀鐵錯場環選運遠達連傳優價眾節藥嚴廣慶協單衛廳廠壓參雙變號啟團圖圓堅塊聲奪奮婦孫寶審憲寬層歲島師帶幫莊庫廢張彈強歸錄徹徑憶憂懷態戀惡驚慣戰擴掃揚執護擔擁擇擠揮損換據攜攝敵數斷無舊顯曉暫術殺權條楊極槍標欄樹橋檢樓歡歐殘畢匯漢湯溝澤潔測淺濃濤潤漲漸灣滿滾潛滅燈靈災爐爺牽狀猶獨獅獵獻畫暢療瘋監盤礦碼礎確禮禍離積稱穩窮竊競筆簡類糧緊紅約紀純綱納紙線練細終紹結繞絡絕繼績續維綜編緣羅罰職聯肅勝腦腳臉艦藝蘇榮獲營蕭雖蝦補裝見覺訂討訓許訪評訴詞譯試詩誠該詳誤課誰謝貝負貢敗貨貫趙趕趨躍踐蹤軌轉輪軟輕載較輔輯輸辭遷違遲遞郵鄰鄭醬釋針鐘鋼銷鎖鋒錦鍵閉闖閒聞閱階陰陳隱難霧頁項順須顧頓預頻顏額風飛飯飲館馬驅驗騎魚鳥雞黃龍';

// OpenCC-standard traditional forms (爲衆啓鍾) besides the Taiwan/HK ones (為眾啟鐘) above.
const TRAD_EXTRA = '爲衆啓鍾';

/** Exposed for tests: the two marker lists must stay the same length and disjoint. */
export const MARKERS = { simplified: SIMP, traditional: TRAD };

// Every marker is a CJK Unified Ideograph (U+4E00–U+9FFF): one byte per code there, 1 simplified,
// 2 traditional (simplified wins, as it did), built on first use. A string iterator and two Set
// lookups per character were most of guessScript's time (it reads the whole article).
const BASE = 0x4e00;
let kinds: Uint8Array | null = null;
function markerKinds(): Uint8Array {
  if (!kinds) {
    kinds = new Uint8Array(0xa000 - BASE);
    for (const ch of TRAD + TRAD_EXTRA) kinds[ch.charCodeAt(0) - BASE] = 2;
    for (const ch of SIMP) kinds[ch.charCodeAt(0) - BASE] = 1;
  }
  return kinds;
}

/** Counts of simplified-only and traditional-only marker characters in `text`. */
export function scriptCounts(text: string): { simplified: number; traditional: number } {
  const kind = markerKinds();
  let s = 0;
  let t = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i) - BASE;
    if (c < 0 || c >= kind.length) continue;
    const k = kind[c];
    if (k === 1) s++;
    else if (k === 2) t++;
  }
  return { simplified: s, traditional: t };
}

/**
 * 'none' when there is too little evidence (fewer than 3 marker characters); otherwise the
 * script with at least 4 times the other's markers, else 'mixed' (quotations, names, bilingual pages).
 */
export function guessScript(text: string): ScriptGuess {
  const { simplified: s, traditional: t } = scriptCounts(text);
  if (s + t < 3) return 'none';
  if (t > s * 4) return 'traditional';
  if (s > t * 4) return 'simplified';
  return 'mixed';
}

/** The conversion source for a text: 'cn' or 't' (regional traditional can't be told apart). */
export function sourceScript(text: string): 'cn' | 't' | null {
  const { simplified: s, traditional: t } = scriptCounts(text);
  if (s + t === 0) return null;
  return t > s ? 't' : 'cn';
}
