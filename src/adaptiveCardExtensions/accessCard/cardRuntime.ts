/**
 * The AccessCard's runtime, loaded by the ACE with import() in onInit (its own chunk): the same services as the web
 * parts (createSpfxServices) and the card's controller.
 */
import type { BaseComponentContext } from '@microsoft/sp-component-base';
import { createSpfxServices } from '../../services/createSpfxServices';
import { GraphCardService } from '../../services/graph/GraphCardService';
import { AccessCardController } from './logic/AccessCardController';

export function createCardController(ctx: BaseComponentContext, endingSoonDays: number | string | undefined, onChange: () => void): AccessCardController {
  const { pageContext } = ctx;
  return new AccessCardController({
    services: createSpfxServices(ctx, { card: clients => new GraphCardService(clients.graph) }),
    cacheKey: `${pageContext.aadInfo.tenantId}:${pageContext.user.loginName}`,
    storage: window.localStorage,
    endingSoonDays,
    onChange
  });
}
