import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CreateBucketCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import type { EventPayload } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import { connectionDraftSchema } from '../../../shared/model/connection';
import type { DemoStarted, DemoStatus } from '../../../shared/model/demo';
import type { ConnectionsService } from '../connections/connections-service';
import type { Logger } from '../logger';
import type { LocalGatewayAddress, LocalGatewayPort } from './local-gateway-port';
import { sampleMedia } from './sample-media';

export const demoBucket = 'demo-media';
export const demoConnectionName = 'Demo (local gateway)';

export interface DemoServiceDeps {
  connections: ConnectionsService;
  /** Absent where the host has no local gateway to offer (then the demo says so). */
  gateway?: LocalGatewayPort;
  /** `<dataDir>/demo`: remembers which connection is the demo one. */
  dir: string;
  emit: (payload: EventPayload<'demo:progress'>) => void;
  logger: Logger;
}

/**
 * "Try the demo": installs the local S3 gateway where it can, starts it, fills a sample bucket
 * under public/ and private/, and adds (or re-points) the demo connection. `npm run demo` and the
 * empty app's button take this one path. Stopping the app stops the gateway it started.
 */
export class DemoService {
  private running: Promise<DemoStarted> | undefined;

  constructor(private readonly deps: DemoServiceDeps) {}

  async status(): Promise<DemoStatus> {
    const connectionId = this.demoConnectionId();
    const base = { running: this.running !== undefined, bucket: demoBucket, ...(connectionId ? { connectionId } : {}) };
    if (!this.deps.gateway) {
      return {
        ...base,
        available: false,
        unavailableReason: 'This build of Bucket Admin has no local S3 server for a demo. Add a connection to your own bucket instead.',
      };
    }
    const check = await this.deps.gateway.check();
    const available = check.installed || check.installable;
    return { ...base, available, ...(!available && check.reason ? { unavailableReason: check.reason } : {}) };
  }

  /** One start at a time; a second call while it runs (or after) gets the same answer. */
  start(): Promise<DemoStarted> {
    this.running ??= this.startOnce().catch((error: unknown) => {
      this.running = undefined;
      throw error;
    });
    return this.running;
  }

  /** Stops the gateway this app started. */
  close(): void {
    if (this.running) this.deps.gateway?.stop();
  }

  private async startOnce(): Promise<DemoStarted> {
    const { gateway, emit } = this.deps;
    if (!gateway) throw new AppError('NotFound', 'This build of Bucket Admin has no local S3 server for a demo.');
    const check = await gateway.check();
    if (!check.installed) {
      if (!check.installable) throw new AppError('NotFound', check.reason ?? 'The local S3 server is not installed on this computer.');
      emit({ step: 'install', message: 'Installing the local S3 server (Ceph RADOS Gateway)… this takes a few minutes the first time.' });
      await gateway.install((line) => emit({ step: 'install', message: line }));
    }
    emit({ step: 'start', message: 'Starting the local S3 server…' });
    const address = await gateway.start();
    emit({ step: 'connect', message: 'Adding the demo connection…' });
    const connectionId = this.saveConnection(address);
    emit({ step: 'fill', message: 'Filling the sample bucket…' });
    await this.fillBucket(connectionId);
    this.deps.logger.info('Demo ready', { endpoint: address.endpoint, bucket: demoBucket });
    return { connectionId, bucket: demoBucket, endpoint: address.endpoint };
  }

  /** The gateway's port changes between runs: an earlier demo connection is re-pointed, not duplicated. */
  private saveConnection(address: LocalGatewayAddress): string {
    const settings = connectionDraftSchema.parse({
      name: demoConnectionName,
      credentials: { kind: 'keys', accessKeyId: address.accessKeyId, secretAccessKey: address.secretAccessKey },
      region: address.region,
      endpoint: address.endpoint,
      forcePathStyle: true,
      checksumCompatibility: true,
      bucket: demoBucket,
    });
    const known = this.demoConnectionId();
    const saved = known ? this.deps.connections.update(known, settings) : this.deps.connections.add(settings);
    mkdirSync(this.deps.dir, { recursive: true });
    writeFileSync(this.markerFile(), JSON.stringify({ connectionId: saved.id }));
    return saved.id;
  }

  private async fillBucket(connectionId: string): Promise<void> {
    const { client } = this.deps.connections.resolve(connectionId);
    await client.send(new CreateBucketCommand({ Bucket: demoBucket })).catch((error: unknown) => {
      if ((error as { name?: string }).name !== 'BucketAlreadyOwnedByYou') throw error;
    });
    for (const o of sampleMedia()) {
      const isPublic = o.key.startsWith('public/');
      const body = typeof o.body === 'string' ? Buffer.from(o.body) : o.body;
      await client.send(
        new PutObjectCommand({
          Bucket: demoBucket,
          Key: o.key,
          Body: body,
          ContentLength: body.length,
          ContentType: o.contentType,
          ACL: isPublic ? 'public-read' : 'private',
          CacheControl: isPublic ? 'public, max-age=86400' : 'private, no-cache',
        }),
      );
    }
  }

  /** The demo connection's id, while that connection still exists (the user may remove it). */
  private demoConnectionId(): string | undefined {
    if (!existsSync(this.markerFile())) return undefined;
    try {
      const { connectionId } = JSON.parse(readFileSync(this.markerFile(), 'utf8')) as { connectionId?: string };
      return connectionId && this.deps.connections.list().some((c) => c.id === connectionId) ? connectionId : undefined;
    } catch {
      return undefined;
    }
  }

  private markerFile(): string {
    return join(this.deps.dir, 'demo.json');
  }
}
