// Dagsorden on Azure: App Service plan + Linux Web App (Node 20) running the bot,
// and an Azure Bot (single tenant) connected to Microsoft Teams.
// Deployed by teamsapp.yml (arm/deploy) with infra/azure.parameters.json.

@maxLength(20)
@minLength(4)
@description('Prefix of every resource name; the Web App name must be unique in Azure.')
param resourceBaseName string

@description('Client id of the bot\'s single-tenant Microsoft Entra app (BOT_ID).')
param botAadAppClientId string

@secure()
@description('Client secret of that app (SECRET_BOT_PASSWORD).')
param botAadAppClientSecret string

@description('Tenant of that app (BOT_TENANT_ID).')
param botAadAppTenantId string

@secure()
@description('postgresql:// connection string. Empty: the embedded database under /home/data.')
param databaseUrl string = ''

@description('The Teams app id (the manifest id): item cards link to the item in the channel tab.')
param teamsAppId string = ''

@description('App Service plan SKU. Basic (B1) or higher: Always On keeps the digest jobs running.')
param webAppSku string = 'B1'

@maxLength(42)
param botDisplayName string = 'Dagsorden'

param location string = resourceGroup().location

resource serverfarm 'Microsoft.Web/serverfarms@2021-02-01' = {
  name: resourceBaseName
  location: location
  kind: 'linux'
  sku: {
    name: webAppSku
  }
  properties: {
    reserved: true // Linux
  }
}

resource webApp 'Microsoft.Web/sites@2021-02-01' = {
  name: resourceBaseName
  location: location
  kind: 'app,linux'
  properties: {
    serverFarmId: serverfarm.id
    httpsOnly: true
    siteConfig: {
      linuxFxVersion: 'NODE|20-lts'
      appCommandLine: 'npm start'
      alwaysOn: true
      ftpsState: 'Disabled'
      minTlsVersion: '1.2'
      appSettings: [
        {
          name: 'WEBSITE_RUN_FROM_PACKAGE'
          value: '1' // the zip from `teamsapp deploy` is mounted read-only as wwwroot
        }
        {
          name: 'MicrosoftAppId'
          value: botAadAppClientId
        }
        {
          name: 'MicrosoftAppPassword'
          value: botAadAppClientSecret
        }
        {
          name: 'MicrosoftAppType'
          value: 'SingleTenant'
        }
        {
          name: 'MicrosoftAppTenantId'
          value: botAadAppTenantId
        }
        {
          name: 'DATABASE_URL'
          value: databaseUrl
        }
        {
          name: 'TEAMS_APP_ID'
          value: teamsAppId
        }
        {
          name: 'DATA_DIR'
          value: '/home/data' // persistent storage on App Service for Linux
        }
      ]
    }
  }
}

resource botService 'Microsoft.BotService/botServices@2021-03-01' = {
  name: resourceBaseName
  location: 'global'
  kind: 'azurebot'
  sku: {
    name: 'F0' // the Teams channel is a standard channel: free on F0
  }
  properties: {
    displayName: botDisplayName
    endpoint: 'https://${webApp.properties.defaultHostName}/api/messages'
    msaAppId: botAadAppClientId
    msaAppType: 'SingleTenant'
    msaAppTenantId: botAadAppTenantId
  }
}

resource teamsChannel 'Microsoft.BotService/botServices/channels@2021-03-01' = {
  parent: botService
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
  }
}

// Written to env/.env.<env> by the Toolkit; zipDeploy uses the resource id.
output BOT_AZURE_APP_SERVICE_RESOURCE_ID string = webApp.id
output BOT_DOMAIN string = webApp.properties.defaultHostName
output BOT_ENDPOINT string = 'https://${webApp.properties.defaultHostName}'
