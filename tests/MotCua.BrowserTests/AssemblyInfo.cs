using MotCua.BrowserTests.Infrastructure;

// One Chromium and one app per database for the whole run; test classes (collections) run two at a time (2 cores).
[assembly: AssemblyFixture(typeof(Chromium))]
[assembly: AssemblyFixture(typeof(Servers))]
