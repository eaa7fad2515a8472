import { loadSite, loadSynonyms } from "./src/content/load";
import { buildIndexData } from "./src/search/build-index";
import { memorySource } from "./src/search/index-source";
import { createSearchEngine } from "./src/search/engine";
const dir = "/tmp/c1k";
const data = buildIndexData(loadSite(dir).site, loadSynonyms(dir).synonyms);
const engine = createSearchEngine(memorySource(data));
for (const q of ["云", "云服", "云服务", "云服务器", "云服务器无法登录", "人脸识别失败", "退款多久", "数据库", "rl", "带宽怎么升级"]) {
  const t = performance.now();
  for (let i = 0; i < 3; i++) engine.searchWithRelated(q, 10);
  console.log(q, ((performance.now() - t) / 3).toFixed(1), "ms");
}
