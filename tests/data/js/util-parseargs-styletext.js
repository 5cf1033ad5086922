// util.parseArgs on options of every kind (long, short, grouped, inline, multiple, defaults, --,
// negation, tokens) and its errors in Node's words; util.styleText to a stream that is not a terminal.
const { parseArgs, styleText, inspect } = require('util');
function run(label, config) {
  try {
    const result = parseArgs(config);
    console.log(label, inspect(result, { depth: 4 }));
  } catch (e) {
    console.log(label, 'throws', e.name, e.code, JSON.stringify(e.message));
  }
}
const options = {
  verbose: { type: 'boolean', short: 'v' },
  name: { type: 'string', short: 'n', default: 'world' },
  tag: { type: 'string', short: 't', multiple: true },
  color: { type: 'boolean' },
};
run('basic', { args: ['-v', '--name', 'Ada', 'file.txt'], options, allowPositionals: true });
run('inline', { args: ['--name=Bob', '-nCarl', '-t', 'a', '--tag=b', '-tc'], options });
run('group', { args: ['-vn', 'Dee'], options });
run('group2', { args: ['-vnEve'], options });
run('terminator', { args: ['-v', '--', '-n', 'x'], options, allowPositionals: true });
run('unknown', { args: ['--nope'], options });
run('unknown+pos', { args: ['-x'], options, allowPositionals: true });
run('positional', { args: ['file'], options });
run('missing', { args: ['--name'], options });
run('missing short', { args: ['-n'], options });
run('bool value', { args: ['--verbose=yes'], options });
run('ambiguous', { args: ['--name', '-v'], options });
run('ambiguous short', { args: ['-n', '--verbose'], options });
run('not strict', { args: ['--nope', '--name', 'x', 'pos', '--verbose=1'], options, strict: false });
run('tokens', { args: ['-vt', 'x', '--', 'y'], options, tokens: true, allowPositionals: true });
run('negative', { args: ['--no-color', '--color'], options, allowNegative: true });
run('negative unknown', { args: ['--no-name'], options, allowNegative: true });
run('bad type', { args: [], options: { x: { type: 'number' } } });
run('bad short', { args: [], options: { x: { type: 'string', short: 'xy' } } });
run('bad default', { args: [], options: { x: { type: 'string', default: 5 } } });
run('bad multiple default', { args: [], options: { x: { type: 'string', multiple: true, default: ['a', 1] } } });
run('bad args', { args: 'x' });
run('proto', { args: ['--__proto__', 'x'], options: { __proto__: null, ['__proto__']: { type: 'string' } } });
run('dash value', { args: ['-', '--'], options, allowPositionals: true });
run('empty', {});
console.log(JSON.stringify(styleText('red', 'plain')), JSON.stringify(styleText(['bold', 'red'], 'arr')), JSON.stringify(styleText('green', 'v', { validateStream: false })));
try { styleText('nope', 'x'); } catch (e) { console.log(e.code, e.message.length); }
try { styleText('red', 1); } catch (e) { console.log(e.code, e.message); }
