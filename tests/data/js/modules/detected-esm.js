// A .js file with export and no package.json "type": an ES module by its syntax.
export const answer = 42;
export default function greet(name) {
  return `hello ${name}`;
}
console.log('detected-esm.js evaluated, typeof module:', typeof module);
