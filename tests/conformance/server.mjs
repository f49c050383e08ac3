// Starts the real Tahseen.Grpc server as a separate process for the conformance tests:
// Development (sandbox on), a fresh SQLite file, configured signing keys, and a loopback
// port chosen by the operating system (read back from the server's start-up log).
import { spawn } from 'node:child_process';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, createWriteStream, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

const serverDll = process.env.TAHSEEN_SERVER_DLL
  ?? join(repoRoot, 'src', 'Tahseen.Grpc', 'bin', process.env.CONFIGURATION ?? 'Debug', 'net10.0', 'Tahseen.Grpc.dll');

export async function startServer(extraSettings = {}) {
  if (!existsSync(serverDll)) {
    throw new Error(`${serverDll} does not exist: build the solution first (dotnet build Tahseen.Grpc.sln).`);
  }

  const workDir = mkdtempSync(join(tmpdir(), 'tahseen-conformance-'));
  // The server's RS256 key, kept here too so that a test can sign a token the server would have issued.
  const { privateKey: signingKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const logPath = join(workDir, 'server.log');
  const log = createWriteStream(logPath);
  const child = spawn('dotnet', [serverDll], {
    cwd: dirname(serverDll),
    env: {
      ...process.env,
      ASPNETCORE_ENVIRONMENT: 'Development',
      DOTNET_NOLOGO: '1',
      ConnectionStrings__Tahseen: `Data Source=${join(workDir, 'tahseen.db')}`,
      Kestrel__Endpoints__Grpc__Url: 'http://127.0.0.1:0',
      Kestrel__Endpoints__Http__Url: 'http://127.0.0.1:0',
      Security__SigningKeys__0__Id: 't1',
      Security__SigningKeys__0__Key: signingKey.export({ type: 'pkcs8', format: 'pem' }),
      Security__HashKey: randomBytes(32).toString('base64'),
      'Logging__LogLevel__Microsoft.Hosting.Lifetime': 'Information',
      Logging__Console__FormatterName: 'simple',
      ...extraSettings,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.pipe(log);
  child.stderr.pipe(log);

  const address = await new Promise((resolveAddress, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not start within 60 s; log: ${logPath}`)), 60_000);
    let seen = '';
    child.stdout.on('data', (chunk) => {
      seen += chunk.toString();
      const match = /Now listening on: http:\/\/([\d.]+:\d+)/.exec(seen);
      if (match) {
        clearTimeout(timer);
        resolveAddress(match[1]);
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the server exited with ${code} before listening; log: ${logPath}`));
    });
  });

  return {
    address,
    signingKey,
    /** Everything the server logged so far. */
    log: () => readFileSync(logPath, 'utf8'),
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolveExit) => child.once('exit', resolveExit));
        child.kill('SIGTERM');
        await exited;
      }
      log.end();
      rmSync(workDir, { recursive: true, force: true });
    },
  };
}
