// util.parseArgs as Node 20 documents it: the command line's arguments as options (long
// `--name`, `--name=value`, short `-n`, `-nvalue`, grouped `-abc`), positionals and the
// `--` terminator; strict mode's errors in Node's words; `tokens` when asked for.
'use strict';

const util = require('util');
const { determineSpecificType, makeNodeError, validateBoolean, validateObject, validateString } =
  util[Symbol.for('loopscope.util.internals')];
const { invalidArgValueError, validateArray } = require('internal/errors');

function parseArgsError(code, message) {
  return makeNodeError(TypeError, code, message);
}

function own(object, key) {
  return Object.prototype.hasOwnProperty.call(object, key) ? object[key] : undefined;
}

function optionField(options, name, field) {
  const config = own(options, name);
  return config === undefined ? undefined : own(config, field);
}

function longNameOf(short, options) {
  for (const [name, config] of Object.entries(options)) {
    if (own(config, 'short') === short)
      return name;
  }
  return short;
}

const isStringOption = (options, name) => optionField(options, name, 'type') === 'string';

// ---- phase 1: the arguments as tokens

function tokenize(args, options) {
  const tokens = [];
  const rest = args.slice();
  let index = -1;
  let pendingExpansions = 0;  // tokens that came from one grouped argument share its index
  // `-n` or `--name`: a string option takes the next argument as its value, whatever it is
  // (strict mode then calls a value that looks like an option ambiguous). The next index.
  function pushOptionTakingNext(name, rawName) {
    const token = { kind: 'option', name, rawName, index, value: undefined, inlineValue: undefined };
    if (isStringOption(options, name) && rest.length > 0) {
      token.value = rest.shift();
      token.inlineValue = false;
    }
    tokens.push(token);
    return token.value === undefined ? index : index + 1;
  }
  while (rest.length > 0) {
    const arg = rest.shift();
    if (pendingExpansions > 0)
      pendingExpansions--;
    else
      index++;

    if (arg === '--') {
      tokens.push({ kind: 'option-terminator', index });
      for (const value of rest)
        tokens.push({ kind: 'positional', index: ++index, value });
      break;
    }
    const isShort = arg.length >= 2 && arg[0] === '-' && arg[1] !== '-';
    if (isShort && arg.length === 2) {
      index = pushOptionTakingNext(longNameOf(arg[1], options), arg);
      continue;
    }
    if (isShort && !isStringOption(options, longNameOf(arg[1], options))) {
      // -abc is -a -b -c; a string option inside takes the rest as its value: -abfFILE.
      const expanded = [];
      for (let at = 1; at < arg.length; at++) {
        const name = longNameOf(arg[at], options);
        if (!isStringOption(options, name) || at === arg.length - 1) {
          expanded.push(`-${arg[at]}`);
        } else {
          expanded.push(`-${arg.slice(at)}`);
          break;
        }
      }
      rest.unshift(...expanded);
      pendingExpansions = expanded.length;
      continue;
    }
    if (isShort) {
      const name = longNameOf(arg[1], options);
      tokens.push({ kind: 'option', name, rawName: `-${arg[1]}`, index, value: arg.slice(2), inlineValue: true });
      continue;
    }
    if (arg.length > 2 && arg.startsWith('--')) {
      const equals = arg.indexOf('=');
      if (equals === -1) {
        index = pushOptionTakingNext(arg.slice(2), arg);
      } else {
        const name = arg.slice(2, equals);
        tokens.push({ kind: 'option', name, rawName: `--${name}`, index, value: arg.slice(equals + 1), inlineValue: true });
      }
      continue;
    }
    tokens.push({ kind: 'positional', index, value: arg });
  }
  return tokens;
}

// ---- phase 2: strict mode's checks

function checkOption(token, options, allowPositionals, allowNegative) {
  let name = token.name;
  if (!Object.prototype.hasOwnProperty.call(options, name)) {
    const negated = allowNegative && name.startsWith('no-') ? name.slice(3) : undefined;
    if (negated === undefined || optionField(options, negated, 'type') !== 'boolean') {
      const hint = allowPositionals ? `. To specify a positional argument starting with a '-', place it at the end of the command after '--', as in '-- ${JSON.stringify(token.rawName)}` : '';
      throw parseArgsError('ERR_PARSE_ARGS_UNKNOWN_OPTION', `Unknown option '${token.rawName}'${hint}`);
    }
    name = negated;
  }
  const short = optionField(options, name, 'short');
  const spelled = `${short ? `-${short}, ` : ''}--${name}`;
  const type = optionField(options, name, 'type');
  if (type === 'string' && typeof token.value !== 'string')
    throw parseArgsError('ERR_PARSE_ARGS_INVALID_OPTION_VALUE', `Option '${spelled} <value>' argument missing`);
  if (type === 'boolean' && token.value != null)
    throw parseArgsError('ERR_PARSE_ARGS_INVALID_OPTION_VALUE', `Option '${spelled}' does not take an argument`);
  if (!token.inlineValue && typeof token.value === 'string' && token.value.length > 1 && token.value[0] === '-') {
    const example = token.rawName.startsWith('--') ? `'${token.rawName}=-XYZ'`
      : `'--${token.name}=-XYZ' or '${token.rawName}-XYZ'`;
    throw parseArgsError('ERR_PARSE_ARGS_INVALID_OPTION_VALUE',
                         `Option '${token.rawName}' argument is ambiguous.\nDid you forget to specify the option argument for '${token.rawName}'?\nTo specify an option argument starting with a dash use ${example}.`);
  }
}

function store(token, options, values, allowNegative) {
  let name = token.name;
  let value = token.value;
  if (name === '__proto__')
    return;
  if (allowNegative && name.startsWith('no-') && value === undefined) {
    name = name.slice(3);
    token.name = name;
    value = false;
  }
  value ??= true;
  if (optionField(options, name, 'multiple')) {
    if (values[name])
      values[name].push(value);
    else
      values[name] = [value];
  } else {
    values[name] = value;
  }
}

// ---- the configuration

function validateConfig(options) {
  for (const [name, config] of Object.entries(options)) {
    validateObject(config, `options.${name}`);
    const type = own(config, 'type');
    if (type !== 'string' && type !== 'boolean') {
      throw makeNodeError(TypeError, 'ERR_INVALID_ARG_TYPE',
                          `The "options.${name}.type" property must be ('string|boolean'). Received ${determineSpecificType(type)}`);
    }
    if (Object.prototype.hasOwnProperty.call(config, 'short')) {
      validateString(config.short, `options.${name}.short`);
      if (config.short.length !== 1)
        throw invalidArgValueError(`options.${name}.short`, config.short, 'must be a single character');
    }
    const multiple = own(config, 'multiple');
    if (Object.prototype.hasOwnProperty.call(config, 'multiple'))
      validateBoolean(multiple, `options.${name}.multiple`);
    const fallback = own(config, 'default');
    if (fallback === undefined)
      continue;
    const label = `options.${name}.default`;
    const check = type === 'string' ? validateString : validateBoolean;
    if (multiple) {
      validateArray(fallback, label);
      fallback.forEach((item, at) => check(item, `${label}[${at}]`));
    } else {
      check(fallback, label);
    }
  }
}

function parseArgs(config = {}) {
  const args = own(config, 'args') ?? process.argv.slice(2);
  const strict = own(config, 'strict') ?? true;
  const allowPositionals = own(config, 'allowPositionals') ?? !strict;
  const returnTokens = own(config, 'tokens') ?? false;
  const allowNegative = own(config, 'allowNegative') ?? false;
  const options = own(config, 'options') ?? { __proto__: null };
  validateArray(args, 'args');
  validateBoolean(strict, 'strict');
  validateBoolean(allowPositionals, 'allowPositionals');
  validateBoolean(returnTokens, 'tokens');
  validateBoolean(allowNegative, 'allowNegative');
  validateObject(options, 'options');
  validateConfig(options);

  const tokens = tokenize(args, options);
  const result = { values: { __proto__: null }, positionals: [] };
  if (returnTokens)
    result.tokens = tokens;
  for (const token of tokens) {
    if (token.kind === 'option') {
      if (strict)
        checkOption(token, options, allowPositionals, allowNegative);
      store(token, options, result.values, allowNegative);
    } else if (token.kind === 'positional') {
      if (!allowPositionals) {
        throw parseArgsError('ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL',
                             `Unexpected argument '${token.value}'. This command does not take positional arguments`);
      }
      result.positionals.push(token.value);
    }
  }
  for (const [name, optionConfig] of Object.entries(options)) {
    const fallback = own(optionConfig, 'default');
    if (fallback !== undefined && result.values[name] === undefined && name !== '__proto__')
      result.values[name] = fallback;
  }
  return result;
}

module.exports = { parseArgs };
