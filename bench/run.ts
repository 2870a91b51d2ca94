// `npm run bench`: every scenario beside its raw baseline (benchmark.ts).
// `npm run bench -- profile <scenario> [seconds] [connections]`: where one scenario's time goes
// (profile.ts).
if (process.argv[2] === 'profile') await import('./profile.ts');
else await import('./benchmark.ts');
