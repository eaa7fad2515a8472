/** OpenCC's dictionaries in opencc-js: "from to|from to|…" (used at build time by variants.ts). */
declare module "opencc-js/dict/*" {
  const table: string;
  export default table;
}
