// require('vm'): code compiled and run in the program's global or in a context of its own.
//
// A context is a fresh global with its own built-ins (natives.newContextGlobal, in the
// program's compartment, so objects pass between the two as they are) joined to the object
// the program contextified - the sandbox - as Node's interceptors join them:
// - the sandbox's own names are accessors of the global over its properties (read and
//   written live; a built-in of the same name is hidden), and the global's prototype is a
//   proxy over the sandbox for names it gains meanwhile or inherits;
// - a name the code makes (`z = 5`, `this.w = 9`) is the global's own property, copied to the
//   sandbox when the code returns;
// - a `var` the code declares is an accessor of the global over the sandbox's property, so
//   the sandbox has it once it is assigned, as in Node;
// - a function it declares becomes the global's own property (the engine replaces any
//   accessor), copied to the sandbox when the code returns (its key made before the code
//   runs, where Node's declaration makes it) and from the sandbox again before the next
//   run. Between runs, a function the code left behind sees its own copy of such a name,
//   where Node's would see the sandbox's.
// An error thrown out of the code carries, before its stack, the line of the code where it
// was made, as Node's (displayErrors); a `timeout` stops the code with Node's error.
'use strict';

const natives = require('internal:binding');
const { codes, makeNodeError } = require('internal/errors');
const { giveV8Message, giveV8Json } = require('internal/v8_messages');
const { rememberSource } = require('internal/stack_frames');
const { unexpectedTokenAt } = require('internal/v8_messages_at_source');

const kDefaultFilename = 'evalmachine.<anonymous>';
const contexts = new WeakMap();
const programGlobal = globalThis;
const stackDescriptor = Object.getOwnPropertyDescriptor(Error.prototype, 'stack');

function validateObject(value, name) {
  if (value === null || (typeof value !== 'object' && typeof value !== 'function'))
    throw codes.ERR_INVALID_ARG_TYPE(name, 'object', value);
}

// The names a script declares at its top level: { functions, variables }.
function declaredNames(code) {
  let tree;
  try {
    tree = natives.parseSource(code, false);
  } catch {
    return { functions: [], variables: [] };
  }
  const functions = [];
  const variables = [];
  const addPattern = (pattern) => {
    if (!pattern)
      return;
    switch (pattern.type) {
      case 'Identifier': variables.push(pattern.name); break;
      case 'ObjectPattern': pattern.properties.forEach((property) => addPattern(property.value ?? property.argument)); break;
      case 'ArrayPattern': pattern.elements.forEach(addPattern); break;
      case 'AssignmentExpression': addPattern(pattern.left); break;
      case 'SpreadExpression': addPattern(pattern.expression ?? pattern.argument); break;
      default: break;
    }
  };
  const visit = (statement, topLevel) => {
    if (!statement)
      return;
    switch (statement.type) {
      case 'VariableDeclaration':
        if (statement.kind === 'var')
          statement.declarations.forEach((declaration) => addPattern(declaration.id));
        break;
      case 'FunctionDeclaration':
        if (topLevel)
          functions.push(statement.id.name);
        break;
      case 'BlockStatement': statement.body.forEach((inner) => visit(inner, false)); break;
      case 'IfStatement': visit(statement.consequent, false); visit(statement.alternate, false); break;
      case 'ForStatement': visit(statement.init, false); visit(statement.body, false); break;
      case 'ForInStatement':
      case 'ForOfStatement': visit(statement.left, false); visit(statement.body, false); break;
      case 'WhileStatement':
      case 'DoWhileStatement':
      case 'LabeledStatement':
      case 'WithStatement': visit(statement.body, false); break;
      case 'TryStatement':
        visit(statement.block, false);
        visit(statement.handler?.body, false);
        visit(statement.finalizer, false);
        break;
      case 'SwitchStatement': statement.cases.forEach((c) => c.consequent.forEach((inner) => visit(inner, false))); break;
      default: break;
    }
  };
  tree.body.forEach((statement) => visit(statement, true));
  return { functions: [...new Set(functions)], variables: [...new Set(variables)] };
}

// What V8 gives a new context that is not JavaScript itself: a console whose lines go to
// the inspector, which loopscope has not, so they go nowhere.
function quietConsole(global) {
  const quiet = {};
  for (const name of Object.keys(console))
    quiet[name] = () => {};
  Object.defineProperty(global, 'console', { value: quiet, writable: true, configurable: true, enumerable: false });
}

class ContextRecord {
  constructor(sandbox) {
    const global = natives.newContextGlobal();
    this.sandbox = sandbox;
    this.global = global;
    quietConsole(global);
    // Its errors read as the program's do (V8's stack format and messages).
    Object.defineProperty(global.Error.prototype, 'stack', stackDescriptor);
    giveV8Json(global);
    this.builtinKeys = new Set(Reflect.ownKeys(global));
    this.hiddenBuiltins = new Map();
    this.declared = new Set();
    this.forwarded = new Set();
    const objectPrototype = Object.getPrototypeOf(global);
    // A name the code deleted from the global is gone, though the sandbox has it until then.
    const reaches = (key) => Reflect.has(sandbox, key) && !this.forwarded.has(key);
    Object.setPrototypeOf(global, new Proxy(objectPrototype, {
      has: (target, key) => reaches(key) || Reflect.has(target, key),
      get: (target, key, receiver) => (reaches(key) ? sandbox[key] : Reflect.get(target, key, receiver)),
      // A name the sandbox lacks is made on the global, as the engine makes an undeclared
      // one; the sandbox has both once the code returns, in the order they were made.
      set: (target, key, value, receiver) => {
        if (!reaches(key))
          return Reflect.defineProperty(receiver, key, { value, writable: true, enumerable: true, configurable: true });
        sandbox[key] = value;
        return true;
      },
    }));
  }

  // `key` as an accessor of the global over the sandbox's property, unless the global has
  // a declaration of its own there (or a built-in it cannot give up); a built-in it gives
  // up comes back once the sandbox no longer has the name.
  forward(key, enumerable) {
    const { global, sandbox } = this;
    const existing = Object.getOwnPropertyDescriptor(global, key);
    if (this.forwarded.has(key) || (existing && !(this.builtinKeys.has(key) && existing.configurable)))
      return;
    if (existing)
      this.hiddenBuiltins.set(key, existing);
    Object.defineProperty(global, key, {
      get: () => sandbox[key],
      set: (value) => { sandbox[key] = value; },
      enumerable,
      configurable: true,
    });
    this.forwarded.add(key);
  }

  // Before the code runs: the sandbox's own names are the global's (Object.keys(globalThis)
  // lists them) and hide built-ins of the same names; the code's `var`s are the sandbox's;
  // its functions have their places on the sandbox, and functions declared before take the
  // sandbox's values.
  enter({ functions, variables }) {
    const { global, sandbox } = this;
    for (const key of this.forwarded) {
      if (Reflect.has(sandbox, key))
        continue;
      delete global[key];
      this.forwarded.delete(key);
      if (this.hiddenBuiltins.has(key)) {
        Object.defineProperty(global, key, this.hiddenBuiltins.get(key));
        this.hiddenBuiltins.delete(key);
      }
    }
    for (const key of Reflect.ownKeys(sandbox))
      this.forward(key, Object.prototype.propertyIsEnumerable.call(sandbox, key));
    for (const name of variables) {
      if (!this.builtinKeys.has(name))
        this.forward(name, true);
    }
    for (const name of functions) {
      if (!Reflect.has(sandbox, name))
        sandbox[name] = undefined;
    }
    for (const name of this.declared) {
      if (Reflect.has(sandbox, name) && Object.getOwnPropertyDescriptor(global, name)?.writable)
        global[name] = sandbox[name];
    }
  }

  // After it: what it declared (the global's own new data properties) is the sandbox's, and
  // a sandbox name it deleted is gone from the sandbox.
  leave() {
    const { global, sandbox } = this;
    for (const key of this.forwarded) {
      const descriptor = Object.getOwnPropertyDescriptor(global, key);
      if (descriptor === undefined) {
        delete sandbox[key];
        this.forwarded.delete(key);
      } else if ('value' in descriptor) {
        this.forwarded.delete(key);  // a function declaration took the place
      }
    }
    for (const key of Reflect.ownKeys(global)) {
      if (this.builtinKeys.has(key) || this.forwarded.has(key))
        continue;
      this.declared.add(key);
      sandbox[key] = global[key];
    }
  }
}

function contextOf(contextifiedObject) {
  // Node asks isContext first, whose argument is "object".
  validateObject(contextifiedObject, 'object');
  const record = contexts.get(contextifiedObject);
  if (record === undefined) {
    throw makeNodeError(TypeError, 'ERR_INVALID_ARG_TYPE', 'The "contextifiedObject" argument must be an vm.Context.' +
      ` Received ${describeReceived(contextifiedObject)}`);
  }
  return record;
}

function describeReceived(value) {
  const name = value.constructor?.name;
  return name ? `an instance of ${name}` : require('util').inspect(value, { depth: -1 });
}

function isContext(object) {
  validateObject(object, 'object');
  return contexts.has(object);
}

function createContext(contextObject = {}, options) {
  if (contextObject !== undefined && isContext(contextObject))
    return contextObject;
  if (options !== undefined)
    validateObject(options, 'options');
  contexts.set(contextObject, new ContextRecord(contextObject));
  return contextObject;
}

// A string in place of options is the filename, as in Node.
function scriptOptions(options) {
  if (typeof options === 'string')
    return { filename: options };
  if (options === undefined)
    return {};
  validateObject(options, 'options');
  return options;
}

function validateTimeout(timeout) {
  if (timeout === undefined)
    return 0;
  if (typeof timeout !== 'number')
    throw codes.ERR_INVALID_ARG_TYPE('options.timeout', 'number', timeout);
  if (!Number.isInteger(timeout))
    throw codes.ERR_OUT_OF_RANGE('options.timeout', 'an integer', timeout);
  if (timeout < 1 || timeout > 4294967295)
    throw codes.ERR_OUT_OF_RANGE('options.timeout', '>= 1 && <= 4294967295', timeout);
  return timeout;
}

// V8 names the token a SyntaxError stops at; SpiderMonkey says only what kind it is.
function namingToken(error, code, lineOffset) {
  const described = Object.getOwnPropertyDescriptor(error, 'message');
  if (error.name === 'SyntaxError' && described?.writable && /^Unexpected (identifier|token)\b/.test(described.value) &&
      typeof error.lineNumber === 'number' && typeof error.columnNumber === 'number') {
    const message = unexpectedTokenAt(code, error.lineNumber - lineOffset, error.columnNumber);
    if (message !== undefined)
      error.message = message;
  }
}

// Node's displayErrors: an error out of the code shows the line where it was made before its
// stack (the code's, or the program's own where the code called the program; loopscope's
// library lines are not Node's, so an error made there shows none).
function decorated(error, code, lineOffset = 0) {
  if (error === null || typeof error !== 'object')
    return error;
  giveV8Message(error);
  if (code !== undefined)
    namingToken(error, code, lineOffset);
  const site = natives.errorSite(error);
  const stack = error.stack;
  if (site !== undefined && !site.startsWith('node:') && typeof stack === 'string' && !stack.startsWith(site))
    error.stack = `${site}\n${stack}`;
  return error;
}

class Script {
  #code;
  #filename;
  #lineOffset;
  #columnOffset;
  #declared;

  constructor(code, options) {
    code = `${code}`;
    const { filename = kDefaultFilename, lineOffset = 0, columnOffset = 0 } = scriptOptions(options);
    if (typeof filename !== 'string')
      throw codes.ERR_INVALID_ARG_TYPE('options.filename', 'string', filename);
    this.#code = code;
    this.#filename = filename;
    this.#lineOffset = lineOffset;
    this.#columnOffset = columnOffset;
    this.#noteSource();
    try {
      natives.checkScript(code, filename, lineOffset, columnOffset);
    } catch (error) {
      throw decorated(error, code, lineOffset);
    }
    this.sourceMapURL = undefined;
  }

  // The code under its filename, for its errors' lines and columns (the latest code run
  // under a name is the one its errors are read against, as the runtime reads them).
  #noteSource() {
    rememberSource(this.#filename, '\n'.repeat(this.#lineOffset) + this.#code);
  }

  #run(global, options) {
    const { timeout, displayErrors = true } = scriptOptions(options);
    const milliseconds = validateTimeout(timeout);
    this.#noteSource();
    try {
      return natives.runScript(this.#code, this.#filename, this.#lineOffset, this.#columnOffset, global, milliseconds);
    } catch (error) {
      throw displayErrors ? decorated(error) : error;
    }
  }

  runInThisContext(options) {
    return this.#run(programGlobal, options);
  }

  runInContext(contextifiedObject, options) {
    const record = contextOf(contextifiedObject);
    this.#declared ??= declaredNames(this.#code);
    record.enter(this.#declared);
    try {
      return this.#run(record.global, options);
    } finally {
      record.leave();
    }
  }

  runInNewContext(contextObject, options) {
    return this.runInContext(createContext(contextObject, scriptOptions(options).contextOptions), options);
  }

  createCachedData() {
    return Buffer.alloc(0);
  }
}

function createScript(code, options) {
  return new Script(code, options);
}

function runInContext(code, contextifiedObject, options) {
  contextOf(contextifiedObject);
  return new Script(code, options).runInContext(contextifiedObject, options);
}

function runInNewContext(code, contextObject, options) {
  if (contextObject !== undefined)
    validateObject(contextObject, 'object');
  return new Script(code, options).runInNewContext(contextObject, options);
}

function runInThisContext(code, options) {
  return new Script(code, options).runInThisContext(options);
}

// The function compiled in the program's global; `parsingContext` and `contextExtensions`
// are not taken into account.
function compileFunction(code, params = [], options = {}) {
  const { filename = '' } = scriptOptions(options);
  if (!Array.isArray(params))
    throw codes.ERR_INVALID_ARG_TYPE('params', 'Array', params);
  try {
    return natives.compileFunction(`${code}`, filename, params, '');
  } catch (error) {
    throw decorated(error);
  }
}

// V8's estimate; loopscope's figure is the process's resident size.
function measureMemory() {
  const bytes = process.memoryUsage().rss;
  return Promise.resolve({ total: { jsMemoryEstimate: bytes, jsMemoryRange: [bytes, bytes] } });
}

const constants = Object.freeze(Object.assign(Object.create(null), {
  USE_MAIN_CONTEXT_DEFAULT_LOADER: Symbol('vm_dynamic_import_main_context_default'),
  DONT_CONTEXTIFY: Symbol('vm_context_no_contextify'),
}));

module.exports = {
  Script,
  createContext,
  createScript,
  runInContext,
  runInNewContext,
  runInThisContext,
  isContext,
  compileFunction,
  measureMemory,
  constants,
};
