import { Table, TableUnique, type MigrationInterface, type QueryRunner } from 'typeorm';

// Written with TypeORM's schema builder, not SQL, so the same migration runs on SQLite and PostgreSQL.
export class CreateSnapshotServed1764150000000 implements MigrationInterface {
  name = 'CreateSnapshotServed1764150000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'snapshot_served',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'snapshot_id', type: 'varchar', length: '200', isNullable: false },
          { name: 'mode', type: 'varchar', length: '10', isNullable: false },
          { name: 'first_served_at', type: 'varchar', length: '30', isNullable: false },
          { name: 'source_count', type: 'integer', isNullable: false },
        ],
        uniques: [new TableUnique({ name: 'uq_snapshot_served_snapshot_id', columnNames: ['snapshot_id'] })],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('snapshot_served');
  }
}
