import { Module } from '@nestjs/common';
import { DisclosureRepository } from './disclosure.repository.js';
import { DisclosureService } from './disclosure.service.js';
import { VariableKinds } from './variable-kinds.js';

/** Small-number suppression for the public audience: import it and call DisclosureService. */
@Module({
  providers: [DisclosureService, DisclosureRepository, VariableKinds],
  exports: [DisclosureService],
})
export class DisclosureModule {}
