/** Site-wide settings. Values come from the environment at build time, with defaults for this site. */
export const SITE = {
  name: process.env.SITE_NAME || "云服务帮助中心",
  /** Absolute origin used for canonical URLs; empty means relative URLs only. */
  url: (process.env.SITE_URL || "").replace(/\/$/, ""),
  /** Where customers go when the FAQ has no answer. */
  supportUrl: process.env.SUPPORT_URL || "https://cloud.tencent.com/online-service",
  supportLabel: "联系在线客服",
} as const;
