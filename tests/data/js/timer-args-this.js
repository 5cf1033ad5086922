setTimeout(function (a, b) { console.log('args', a, b, typeof this); }, 1, 'x', 'y');
setInterval(function () { console.log('interval this has close', typeof this.close); clearInterval(this); }, 1);
