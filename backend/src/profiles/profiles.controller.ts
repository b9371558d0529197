import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiQuery, ApiTags } from '@nestjs/swagger';
import { SnapshotData } from '../core/http/snapshot-data.decorator.js';
import { ZodParamPipe, ZodQueryPipe } from '../core/param-schemas.js';
import { ProfileQuerySchema, ProfileTerritory, type ProfileQuery } from './profiles.params.js';
import { profileTable, ProfileResponseDto } from './profiles.dto.js';
import { ProfilesService } from './profiles.service.js';

@ApiTags('profiles')
@Controller('api/profiles')
export class ProfilesController {
  constructor(private readonly profiles: ProfilesService) {}

  @Get(':territory')
  @ApiOperation({ summary: 'Every indicator for one territory against its benchmark, with the spread of its peers (min, quartiles, max) for a spine chart' })
  @ApiParam({ name: 'territory', example: '018110' })
  @ApiQuery({ name: 'year', required: false, type: Number, description: 'Default: each indicator in its latest year' })
  @ApiQuery({ name: 'benchmark', required: false, type: String, description: "ambito, provincia, regione (the territory's own), italia or a territory code; default the territory's parent. Peers: the territories of the same level inside it" })
  @ApiOkResponse({ type: ProfileResponseDto })
  @ApiBadRequestResponse({ description: 'Bad year or benchmark' })
  @ApiNotFoundResponse({ description: 'Unknown territory' })
  @SnapshotData(profileTable)
  get(@Param('territory', new ZodParamPipe(ProfileTerritory)) territory: string, @Query(new ZodQueryPipe(ProfileQuerySchema)) query: ProfileQuery): Promise<ProfileResponseDto> {
    return this.profiles.get(territory, query);
  }
}
