// Step 2: a message → its questions. Staff type several at once ("无照经营违反哪些规定?会受到哪些处罚?
// 杭州市检查数量最多的10个事项是什么?"): split at question marks, full stops, semicolons and line breaks,
// and at 另外/还有 that start a new question after a comma.
export function splitQuestions(text: string): string[] {
  return text
    .split(/[?!。;\n]+|[,，]\s*(?=另外|还有|再问|顺便问)/)
    .map((s) =>
      s
        .replace(/^(另外|还有|再问一下|再问|顺便问一下|顺便问|请问|你好|您好|麻烦问一下|问一下|我想问|想问一下|想问)[,，、\s]*/, '')
        .replace(/^[,，、\s]+|[,，、\s]+$/g, '')
        .trim(),
    )
    .filter((s) => /[\p{L}\p{N}]/u.test(s));
}
