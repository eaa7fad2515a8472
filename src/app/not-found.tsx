import type { Metadata } from "next";
import { QuestionLinks } from "@/components/question-links";
import { getNotFoundView } from "@/views/source";

export const metadata: Metadata = { title: "页面不存在" };

export default function NotFound() {
  const { featured } = getNotFoundView();
  return (
    <>
      <h1>页面不存在</h1>
      <p className="lead">您访问的页面不存在或已移动。可以在上方搜索问题，或返回<a href="/">首页</a>。</p>
      {featured.length > 0 && (
        <>
          <h2>热门问题</h2>
          <QuestionLinks questions={featured} />
        </>
      )}
    </>
  );
}
