/** The Contoso fixture's people and object ids that tests name (from localTenant/fixtures/contoso.json). */
export const U = {
  allan: 'allan@contoso.com', lynne: 'lynner@contoso.com', megan: 'meganb@contoso.com', adele: 'adelev@contoso.com',
  isaiah: 'isaiahl@contoso.com', alex: 'alexw@contoso.com', grady: 'gradya@contoso.com', patti: 'pattif@contoso.com',
  diego: 'diegos@contoso.com', johanna: 'johannal@contoso.com', nestor: 'nestorw@contoso.com', lee: 'leeg@contoso.com',
  jordan: 'jordan.miller_fabrikam.com#EXT#@contoso.onmicrosoft.com',
  // Alex's peers under Isaiah, Intranet Editors (what "Suggested for you" shows Alex)
  henrietta: 'henriettam@contoso.com', lidia: 'lidiah@contoso.com',
};

export const ID = {
  adele: 'd8d56516-10b1-4699-ac22-8caa265d1b13', alex: '20fe5c9b-7689-40ba-a9c0-a4e525467693', megan: 'a6d1b45e-e5e6-479f-a880-3a5e0dde4cae',
  lynne: 'b81e7cd8-3b40-4181-a312-85361c33800b', isaiah: 'e94d36b5-c15e-4c49-a617-888ef8c66a13', patti: 'db44db06-350d-43a3-aca7-20166b4e3c51',
  diego: 'a57df3e5-c793-460e-a1d0-9fdd6fabcf6e', grady: 'cbd8339a-a7fe-43dc-abf5-1a7ceae5f602', jordan: 'f199e20a-56dd-4167-ab86-03104c0fef17',
  henrietta: '3c9f1a52-7d4e-4b8a-9f21-6e0d5b7c8a14', lidia: '7b2e4d90-1f63-4c5a-8e7b-2a9c0d4f6e31',
  allan: '585b8714-db6b-4f16-a3ce-0d19ce7a3deb', nestor: '60c797c5-38be-4a4b-a504-e6c92cefd3b3', lee: 'e7c13646-6c4c-4194-a773-4c960828541d',
  // packages
  contributors: '099fb9dd-9974-4665-a422-272fbeda57f7', visitors: 'd6e42f1f-7634-46ff-a21c-5779535f82c6', falcon: 'fb3c22d2-6bdc-4fc7-a37c-8b393732b713',
  warRoom: '895e02b9-2fcb-4a3f-a475-296ace426eb6', finance: 'ae0817e8-870c-4a47-a629-c7aec4136d90', expenses: '1d6fbb63-f727-4046-a635-28146130ab73',
  engineering: 'ecab558b-7ae1-469c-af84-7474f83cca41', breakGlass: '1de78407-f7d5-4a1b-ac8a-5407dda0252a', intranetEditors: '60eedb52-da3c-4d61-ac53-288aa80eedfe',
  // policies
  contributorsPolicy: '15999f30-3b49-4977-a9ca-8b69fdb9048b', falconEmployees: '7e3eead8-fec7-4bd8-af6b-85238fb728e9', falconFabrikam: '921927d1-2e3e-4d9d-a2ff-2b119570dc98',
  warRoomPolicy: '5966fd01-130a-4167-af90-93bf3f3550a0', financePolicy: 'ae7987b9-ca55-450d-a1f1-53969bc3c0fe', engineeringPolicy: '9abaf633-edf7-4d41-a48b-028f9097021c',
  intranetPolicy: 'cb5f6861-53b3-4c1b-aaee-231ed7ff803b', visitorsPolicy: '48bb3942-4adb-41f2-a272-1c786cd94406',
  // questions
  campaignQ: '1f8ce48b-166b-4c66-adda-91d5e44dd9d7', regionQ: 'c412d053-cfbf-4ece-a699-36baf09ea765', contractQ: '728f0e20-9ff5-4485-aaf4-0f4ca15ad59f',
  // requests / assignments / groups
  alexFalconRequest: '9b7094da-88a5-4c2a-a0f0-05f577c4c5cb', gradyFinanceRequest: '1ec61f0b-19c7-4b26-a4e1-61d421e9febe',
  /** Adele's Intranet Editors request, held by the policy's custom extension (waitingForCallback). */
  adeleIntranetRequest: '3f9b2c71-6e8d-4a5f-b1c2-7d9e0a4b6c58', intranetExtension: '5c2f8e1a-7d43-4b9e-9a61-0f3e2d7c8b14',
  intranetCallout: 'b7e4d2a9-1c6f-4f83-9e05-2a8d7c3b1f60', expensesPolicy: '914162ef-36be-4e5d-ac79-a17a034c2760',
  alexEngineeringAssignment: 'e45aaa0f-f9f6-426a-a4dd-b4579480cdb7', henriettaEditorsAssignment: '5d1e8c37-2a4b-4f90-b6c1-9e3a7f2d0b48',
  lidiaEditorsAssignment: 'a84f2b6e-9c13-4d7a-8e05-1b6c3d9f2e70', lynneFinanceAssignment: 'c72759a2-5c01-44b1-a87c-d733af2e637c',
  meganFinanceAssignment: 'e1ca887c-d909-4e8f-ab18-1a80edd3e548',
  marketingGroup: 'b11e98fb-0ea7-4352-ad9d-eef73fffa7a7', falconGroup: '049b2cf7-ac7c-4d8a-a8f6-376844cfd9a5', engineeringGroup: '19c104d6-3891-4127-a24e-03e6b0f3e0b1',
  financeReaders: '8810b884-a551-4b03-acf6-9cd820cafd33', salesforceSp: 'eb72544a-118b-4493-a62f-999bf1d71fe2',
  review: '91db7181-8b85-4a1c-a8d3-4ba1795390e6', reviewInstance: '6ac0487e-956a-407c-a871-4939eef5c3eb',
  meganDecision: '1516848c-0800-4994-ab20-ad13b09c35bd', lynneDecision: '89554104-0103-4e36-a69f-73581178dee3',
};
