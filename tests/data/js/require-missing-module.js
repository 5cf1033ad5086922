try { require('./modules/does-not-exist'); } catch (e) { console.log(e.code); }
try { require('left-pad'); } catch (e) { console.log(e.code); }
console.log('after');
