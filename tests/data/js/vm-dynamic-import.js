// import() in code run through vm, with no importModuleDynamically callback: Node rejects it
// with ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING, in a context and in the program's global.
const vm = require('vm');
vm.runInThisContext('import("fs")').then((m) => console.log('loaded', typeof m.readFile), (e) => console.log('rejected', e.code, e.message));
vm.runInNewContext('import("path")').then((m) => console.log('loaded', typeof m.join), (e) => console.log('rejected', e.code, e.message));
import('path').then((m) => console.log('the program\'s own import', typeof m.join));
