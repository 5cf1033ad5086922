// Intl.Segmenter (ICU's break iterators): graphemes, words, sentences, and V8's objects.
const s = new Intl.Segmenter('en', { granularity: 'word' });
console.log(s, s.resolvedOptions(), typeof Intl.Segmenter, Intl.Segmenter.length, Intl.Segmenter.name);
const segs = s.segment('Hello, world! 42 is the answer.');
console.log(segs, typeof segs[Symbol.iterator], Object.prototype.toString.call(segs));
console.log([...segs]);
console.log(segs.containing(3), segs.containing(5), segs.containing(100), segs.containing(-1));
const g = new Intl.Segmenter();
console.log(g.resolvedOptions(), [...g.segment('👨‍👩‍👧e\u0301🇫🇷')].map(x => x.segment), [...'👨‍👩‍👧'].length);
console.log([...new Intl.Segmenter('en', { granularity: 'sentence' }).segment('One. Two? Three!')]);
const it = g.segment('ab')[Symbol.iterator]();
console.log(it, it.next(), Object.prototype.toString.call(it), it[Symbol.toStringTag]);
console.log(Intl.Segmenter.supportedLocalesOf(['en', 'fr', 'xx']), Object.prototype.toString.call(g));
try { new Intl.Segmenter('en', { granularity: 'letter' }); } catch (e) { console.log(e.name, e.message); }
try { Intl.Segmenter(); } catch (e) { console.log(e.name, e.message); }
console.log([...new Intl.Segmenter('ja', { granularity: 'word' }).segment('今日は良い天気')].map(x => [x.segment, x.isWordLike]));
console.log([...new Intl.Segmenter('en', { granularity: 'word' }).segment('')], g.segment('x').containing());
console.log(new Intl.Segmenter('de-DE').resolvedOptions().locale, new Intl.Segmenter(undefined, {granularity: 'grapheme'}).resolvedOptions());
const text = 'The quick (“brown”) fox can’t jump 32.3 feet, right? Ça va! 👍🏽 ok.';
for (const g of ['grapheme', 'word', 'sentence']) {
  const seg = new Intl.Segmenter('en', { granularity: g });
  const parts = [...seg.segment(text)];
  console.log(g, parts.length, parts.slice(0, 12).map(p => p.segment).join('|'), parts.filter(p => p.isWordLike).length);
}
const wordCount = (s) => [...new Intl.Segmenter('en', { granularity: 'word' }).segment(s)].filter(x => x.isWordLike).length;
console.log(wordCount('Hello world, this is a test.'), wordCount(''), wordCount('   '));
console.log('👩‍💻'.length, [...new Intl.Segmenter().segment('👩‍💻')].length, [...new Intl.Segmenter('th', {granularity: 'word'}).segment('สวัสดีครับ')].map(s => s.segment));
const fr = new Intl.Segmenter('fr', { granularity: 'word' }).segment("l'homme");
console.log([...fr].map(x => x.segment), fr.containing(2), fr.containing(1.7), fr.containing('3'), fr.containing(NaN));
console.log(Object.getOwnPropertyNames(Intl.Segmenter.prototype), Intl.Segmenter.prototype.segment.length, typeof Intl.Segmenter.prototype.constructor);
console.log(Object.getOwnPropertyDescriptor(Intl, 'Segmenter'));
