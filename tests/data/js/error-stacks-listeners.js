// The frames below a listener, an fs callback and a getter as Node 20 prints them: the
// emitter's type before emit and the listener, Node's lines for emit (one listener or
// several), onceWrapper, and the fs callbacks' FSReqCallback frames.
const EventEmitter = require('events');
const fs = require('fs');
const head = (error, count = 3) => error.stack.replaceAll(__dirname, '.').split('\n').slice(0, count).join('\n');

const emitter = new EventEmitter();
emitter.on('plain', function () { console.log(head(new Error('anonymous listener'))); });
emitter.on('arrow', (a) => { console.log(head(new Error(`arrow ${a}`))); });
emitter.on('named', function onNamed(a, b) { console.log(head(new Error(`named ${a} ${b}`))); });
emitter.emit('plain');
emitter.emit('arrow', 1);
emitter.emit('named', 1, 2);
emitter.on('named', function second() { console.log(head(new Error('second listener'))); });
emitter.emit('named', 3, 4);
emitter.once('once', function () { console.log(head(new Error('once, no arguments'), 4)); });
emitter.emit('once');
emitter.once('once', (x) => { console.log(head(new Error(`once ${x}`), 4)); });
emitter.emit('once', 'with an argument');

class Shop extends EventEmitter {
  sell(item) { this.emit('sold', item); }
}
const shop = new Shop();
shop.on('sold', (item) => console.log(head(new Error(`sold ${item}`), 5)));
shop.sell('pen');
shop.prependListener('sold', function audit(item) { console.log(head(new Error(`audit ${item}`), 5)); });
shop.sell('ink');
try {
  shop.emit('sold', null);
} catch (error) {
  console.log(error.message);
}
process.on('custom', function onCustom() { console.log(head(new Error('process listener'))); });
process.emit('custom');

const catalogue = {
  items: ['pen'],
  get first() { return new Error('getter'); },
  set first(value) { throw new Error(`setter ${value}`); },
};
console.log(head(catalogue.first));
try {
  catalogue.first = 'ink';
} catch (error) {
  console.log(head(error));
}
class Stock {
  get count() { return new Error('class getter'); }
}
console.log(head(new Stock()
  .count));

fs.readFile(__filename, function afterRead() {
  console.log(head(new Error('readFile')));
  fs.stat(__filename, function afterStat() {
    console.log(head(new Error('stat')));
    fs.stat(`${__filename}.missing`, function afterFailedStat() {
      console.log(head(new Error('failed stat')));
      fs.readFile(`${__filename}.missing`, (error) => {
        console.log(error.code, head(new Error('failed readFile')));
        fs.open(__filename, 'r', function afterOpen(error, fd) {
          console.log(head(new Error('open')));
          fs.read(fd, Buffer.alloc(4), 0, 4, 0, function afterReadBytes() {
            console.log(head(new Error('read')));
            fs.close(fd, function afterClose() {
              console.log(head(new Error('close')));
              fs.exists(__filename, function afterExists() {
                console.log(head(new Error('exists'), 4));
                fs.access(__filename, () => console.log(head(new Error('access'))));
              });
            });
          });
        });
      });
    });
  });
});
