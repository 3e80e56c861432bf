// The floor's deploy script, as the discord.js guide writes it (deploy-commands.js): PUT the guild's commands.
import { REST, Routes, SlashCommandBuilder } from 'discord.js';

const { DISCORD_TOKEN: token, DISCORD_API_URL: api, CLIENT_ID: clientId, GUILD_ID: guildId } = process.env;
const commands = [new SlashCommandBuilder().setName('ping').setDescription('Replies with Pong!').toJSON()];

const rest = new REST({ api }).setToken(token);
const data = await rest.put(Routes.applicationGuildCommands(clientId, guildId), { body: commands });
console.log(`Successfully reloaded ${data.length} application (/) commands.`);
